namespace Equipment.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class TwinsCollection : ICollectionFixture<TwinsFixture>
{
    public const string Name = "twins";
}
