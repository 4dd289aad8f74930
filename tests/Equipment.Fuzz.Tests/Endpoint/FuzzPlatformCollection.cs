using Equipment.Tests.Integration;

namespace Equipment.Fuzz.Tests.Endpoint;

[CollectionDefinition(Name)]
public sealed class FuzzPlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "fuzz platform";
}
