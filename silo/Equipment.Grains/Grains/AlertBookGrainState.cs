using Equipment.Domain.Alerts;

namespace Equipment.Grains.Grains;

[GenerateSerializer, Alias("equipment.AlertBookGrainState")]
public sealed class AlertBookGrainState
{
    [Id(0)]
    public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Shelves in force by "{equipmentId}:{ruleId}"; expired ones are dropped as they are noticed.</summary>
    [Id(1)]
    public Dictionary<string, AlertShelf> Shelves { get; set; } = new(StringComparer.Ordinal);
}
