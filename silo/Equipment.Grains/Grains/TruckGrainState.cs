using Equipment.Domain.Truck;

namespace Equipment.Grains.Grains;

[GenerateSerializer, Alias("equipment.TruckGrainState")]
public sealed class TruckGrainState : EquipmentGrainState
{
    [Id(0)]
    public TruckTwinState Twin { get; set; } = new();
}
