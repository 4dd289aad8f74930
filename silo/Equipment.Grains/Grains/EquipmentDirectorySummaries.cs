using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

/// <summary>
/// A directory shard's last summary per machine, kept apart from the membership so that a new machine costs a write
/// of the small id list, not of every summary; written lazily, so after a restart it may lag by up to one flush.
/// </summary>
[GenerateSerializer, Alias("equipment.EquipmentDirectorySummaries")]
public sealed class EquipmentDirectorySummaries
{
    [Id(0)]
    public Dictionary<string, EquipmentSnapshot> Summaries { get; set; } = new(StringComparer.Ordinal);
}
