using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

/// <summary>What every twin persists: its registration. Kind-specific twins add their domain state.</summary>
[GenerateSerializer, Alias("equipment.EquipmentGrainState")]
public class EquipmentGrainState
{
    [Id(0)]
    public EquipmentRegistration Registration { get; set; } = new();
}
