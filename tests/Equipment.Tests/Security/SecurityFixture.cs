using Equipment.Tests.Integration;

namespace Equipment.Tests.Security;

/// <summary>
/// A platform with a slow per-token rate limit and one-second registry caches, so limits and revocations show
/// within a test. Every test uses tokens and users of its own, so the shared limit buckets do not interfere.
/// </summary>
public sealed class SecurityFixture : PlatformFixture
{
    public const double RequestsPerSecond = 1;
    public const int Burst = 3;

    protected override void ConfigureGateway(Dictionary<string, string?> settings)
    {
        settings["DeviceTokens:RequestsPerSecond"] = RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["DeviceTokens:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["DeviceTokens:CacheSeconds"] = "1";
    }

    protected override void ConfigureDashboard(Dictionary<string, string?> settings)
    {
        settings["Dashboard:KeyCacheSeconds"] = "1";
    }
}
