namespace Equipment.Contracts.Messages;

/// <summary>A machine the platform knows: its id and kind (<c>tbm</c> or <c>truck</c>).</summary>
[GenerateSerializer, Immutable, Alias("equipment.EquipmentEntry")]
public sealed record EquipmentEntry(string Id, string Kind);
