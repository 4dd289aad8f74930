namespace Equipment.Grains.Grains;

/// <summary>The grain storage provider name every equipment grain persists to.</summary>
public static class EquipmentStorage
{
    public const string Name = "equipment";
}
