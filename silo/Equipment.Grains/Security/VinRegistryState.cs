using Equipment.Contracts.Messages;

namespace Equipment.Grains.Security;

[GenerateSerializer, Alias("equipment.VinRegistryState")]
public sealed class VinRegistryState
{
    [Id(0)]
    public VinBinding? Binding { get; set; }
}
