namespace Equipment.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class FleetScaleCollection : ICollectionFixture<FleetScaleFixture>
{
    public const string Name = "fleet-scale";
}
