using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

/// <summary>What every twin persists: its registration. Kind-specific twins add their domain state.</summary>
[GenerateSerializer, Alias("equipment.EquipmentGrainState")]
public class EquipmentGrainState
{
    [Id(0)]
    public EquipmentRegistration Registration { get; set; } = new();

    /// <summary>
    /// Per gateway spool, the log position up to which records were applied to the twin. Saved with the twin,
    /// so after a silo restart both go back to the same point and the redelivered records are applied once.
    /// </summary>
    [Id(1)]
    public Dictionary<string, long> AppliedPositions { get; set; } = [];
}
