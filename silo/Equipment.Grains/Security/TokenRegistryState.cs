using Equipment.Contracts.Security;

namespace Equipment.Grains.Security;

[GenerateSerializer, Alias("equipment.TokenRegistryState")]
public sealed class TokenRegistryState
{
    [Id(0)]
    public Dictionary<string, DeviceTokenRecord> ById { get; set; } = new(StringComparer.Ordinal);
}
