namespace Equipment.Contracts.Grains;

/// <summary>The twin of one tunnel boring machine, keyed by its equipment id.</summary>
[Alias("equipment.ITbmGrain")]
public interface ITbmGrain : IEquipmentGrain;
