namespace Equipment.Contracts.Messages;

/// <summary>What the GB/T 32960 listener needs of a VIN: the truck it belongs to, its fleet and its data-unit key (hex).</summary>
[GenerateSerializer, Immutable, Alias("equipment.VinBinding")]
public sealed record VinBinding(string EquipmentId, string? Fleet, string? KeyHex);
