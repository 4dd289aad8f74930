using Equipment.Contracts.Security;

namespace Equipment.Grains.Security;

[GenerateSerializer, Alias("equipment.UserRegistryState")]
public sealed class UserRegistryState
{
    [Id(0)]
    public Dictionary<string, UserRecord> ById { get; set; } = new(StringComparer.Ordinal);
}
