using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

[GenerateSerializer, Alias("equipment.EquipmentDirectoryState")]
public sealed class EquipmentDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> Kinds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each machine's last published summary; written lazily (see the grain), so it may lag a restart by up to a flush.</summary>
    [Id(1)]
    public Dictionary<string, EquipmentSnapshot> Summaries { get; set; } = new(StringComparer.Ordinal);
}
