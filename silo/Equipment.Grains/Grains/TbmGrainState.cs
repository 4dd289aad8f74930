using Equipment.Domain.Tbm;

namespace Equipment.Grains.Grains;

[GenerateSerializer, Alias("equipment.TbmGrainState")]
public sealed class TbmGrainState : EquipmentGrainState
{
    [Id(0)]
    public TbmTwinState Twin { get; set; } = new();
}
