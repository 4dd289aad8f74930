using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

/// <summary>What every twin persists: its registration. Kind-specific twins add their domain state.</summary>
[GenerateSerializer, Alias("equipment.EquipmentGrainState")]
public class EquipmentGrainState
{
    [Id(0)]
    public EquipmentRegistration Registration { get; set; } = new();

    /// <summary>When telemetry last arrived (receive time): the offline rule's clock across deactivations.</summary>
    [Id(1)]
    public DateTimeOffset? LastReceivedAt { get; set; }

    /// <summary>Whether a wake-up reminder is registered, so a twin with nothing due does not ask the reminder table.</summary>
    [Id(2)]
    public bool WakeRegistered { get; set; }

    /// <summary>The live state (last value of every field) as of the last deactivation, restored on activation.</summary>
    [Id(3)]
    public EquipmentSnapshot? LastLive { get; set; }

    /// <summary>
    /// Per gateway spool, the log position up to which records were applied to the twin. Saved with the twin,
    /// so after a silo restart both go back to the same point and the redelivered records are applied once.
    /// </summary>
    [Id(4)]
    public Dictionary<string, long> AppliedPositions { get; set; } = [];
}
