namespace Equipment.Browser.Tests;

/// <summary>One platform and one Chromium for all browser tests: starting either takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserPlatformFixture>
{
    public const string Name = "browser";
}
