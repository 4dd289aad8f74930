using Equipment.Domain.Alerts;

namespace Equipment.Grains.Grains;

[GenerateSerializer, Alias("equipment.AlertBookGrainState")]
public sealed class AlertBookGrainState
{
    [Id(0)]
    public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);
}
