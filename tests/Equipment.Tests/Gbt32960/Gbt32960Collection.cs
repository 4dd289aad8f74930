namespace Equipment.Tests.Gbt32960;

[CollectionDefinition(Name)]
public sealed class Gbt32960Collection : ICollectionFixture<Gbt32960Fixture>
{
    public const string Name = "gbt32960";
}
