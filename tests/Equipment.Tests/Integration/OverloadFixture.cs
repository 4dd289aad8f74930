namespace Equipment.Tests.Integration;

/// <summary>A platform whose gateway takes one write at a time and gives up after 2 s, to show 429 and 503.</summary>
public sealed class OverloadFixture : PlatformFixture
{
    protected override void ConfigureGateway(Dictionary<string, string?> settings)
    {
        settings["Gateway:MaxConcurrentRequests"] = "1";
        settings["Gateway:RequestTimeoutSeconds"] = "2";
    }
}
