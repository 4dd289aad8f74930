namespace Equipment.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class ScreenshotCollection : ICollectionFixture<ScreenshotPlatformFixture>
{
    public const string Name = "screenshots";
}
