namespace Equipment.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class OverloadCollection : ICollectionFixture<OverloadFixture>
{
    public const string Name = "overload";
}
