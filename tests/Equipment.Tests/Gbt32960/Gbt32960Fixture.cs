using System.Globalization;
using Equipment.Testing;
using Equipment.Tests.Integration;

namespace Equipment.Tests.Gbt32960;

/// <summary>The platform with the GB/T 32960 listener on a free loopback port, a short idle limit and one lower-platform user.</summary>
public sealed class Gbt32960Fixture : PlatformFixture
{
    public const int IdleSeconds = 4;
    public const string PlatformUser = "lower01";
    public const string PlatformPassword = "lower-secret";

    public int TboxPort { get; } = FreePort.Next();

    protected override void ConfigureGateway(Dictionary<string, string?> settings)
    {
        settings["Gbt32960:Port"] = TboxPort.ToString(CultureInfo.InvariantCulture);
        settings["Gbt32960:LoopbackOnly"] = "true";
        settings["Gbt32960:IdleSeconds"] = IdleSeconds.ToString(CultureInfo.InvariantCulture);
        settings["Gbt32960:CacheSeconds"] = "0";
        settings["Gbt32960:PlatformUsers:0:User"] = PlatformUser;
        settings["Gbt32960:PlatformUsers:0:Password"] = PlatformPassword;
    }
}
