namespace Equipment.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class TboxSimulatorCollection : ICollectionFixture<TboxSimulatorFixture>
{
    public const string Name = "tbox-simulator";
}
