using Equipment.Tests.Integration;

namespace Equipment.Tests.Security;

/// <summary>
/// A platform with one-second registry caches, so revocations show within a test. Rate-limit tests start a
/// gateway of their own with a slow limit (<see cref="SlowGatewaySettings"/>), so the shared one stays unthrottled.
/// </summary>
public sealed class SecurityFixture : PlatformFixture
{
    public const int Burst = 3;

    /// <summary>One request a second per token after a burst of <see cref="Burst"/>.</summary>
    public static Dictionary<string, string?> SlowGatewaySettings => new()
    {
        ["DeviceTokens:RequestsPerSecond"] = "1",
        ["DeviceTokens:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:DevToken"] = DevToken,
    };

    protected override void ConfigureGateway(Dictionary<string, string?> settings)
    {
        settings["DeviceTokens:CacheSeconds"] = "1";
    }

    protected override void ConfigureDashboard(Dictionary<string, string?> settings)
    {
        settings["Dashboard:KeyCacheSeconds"] = "1";
    }
}
