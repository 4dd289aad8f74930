using Equipment.Testing;

namespace Equipment.Tests.Integration;

/// <summary>The platform with the gateway's GB/T 32960 listener on a free loopback port.</summary>
public sealed class TboxSimulatorFixture : PlatformFixture
{
    public int GbtPort { get; } = FreePort.Next();

    protected override void ConfigureGateway(Dictionary<string, string?> settings)
    {
        settings["Gbt32960:Port"] = GbtPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Gbt32960:LoopbackOnly"] = "true";
    }
}
