namespace Equipment.Grains.Grains;

/// <summary>A directory shard's machines (id → kind): small, and written at once when a machine is new.</summary>
[GenerateSerializer, Alias("equipment.EquipmentDirectoryState")]
public sealed class EquipmentDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> Kinds { get; set; } = new(StringComparer.Ordinal);
}
