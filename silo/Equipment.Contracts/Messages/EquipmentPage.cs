namespace Equipment.Contracts.Messages;

/// <summary>Up to a query's limit of summaries (by id) and how many machines match the query in all.</summary>
[GenerateSerializer, Immutable, Alias("equipment.EquipmentPage")]
public sealed record EquipmentPage(EquipmentSnapshot[] Items, int Total);
