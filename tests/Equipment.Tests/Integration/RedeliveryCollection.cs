namespace Equipment.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class RedeliveryCollection : ICollectionFixture<RedeliveryFixture>
{
    public const string Name = "redelivery";
}
