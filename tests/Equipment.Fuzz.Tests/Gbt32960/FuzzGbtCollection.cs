using Equipment.Tests.Gbt32960;

namespace Equipment.Fuzz.Tests.Gbt32960;

[CollectionDefinition(Name)]
public sealed class FuzzGbtCollection : ICollectionFixture<Gbt32960Fixture>
{
    public const string Name = "fuzz gbt32960";
}
