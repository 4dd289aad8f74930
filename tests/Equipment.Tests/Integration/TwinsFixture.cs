namespace Equipment.Tests.Integration;

/// <summary>The platform with grain state in Redis, for the twin tests that restart the silo.</summary>
public sealed class TwinsFixture : PlatformFixture
{
    protected override bool UseRedis => true;

    /// <summary>Shelves as short as 6 s, so a test can watch one expire.</summary>
    protected override void ConfigureDashboard(Dictionary<string, string?> settings) => settings["AlertShelving:MinMinutes"] = "0.1";
}
