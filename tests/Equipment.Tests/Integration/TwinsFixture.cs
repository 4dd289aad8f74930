namespace Equipment.Tests.Integration;

/// <summary>The platform with grain state in Redis, for the twin tests that restart the silo.</summary>
public sealed class TwinsFixture : PlatformFixture
{
    protected override bool UseRedis => true;
}
