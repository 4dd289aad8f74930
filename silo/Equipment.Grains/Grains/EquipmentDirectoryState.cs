namespace Equipment.Grains.Grains;

[GenerateSerializer, Alias("equipment.EquipmentDirectoryState")]
public sealed class EquipmentDirectoryState
{
    [Id(0)]
    public Dictionary<string, string> Kinds { get; set; } = new(StringComparer.Ordinal);
}
