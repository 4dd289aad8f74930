namespace Equipment.Contracts.Grains;

/// <summary>The twin of one battery-electric truck, keyed by its equipment id.</summary>
[Alias("equipment.ITruckGrain")]
public interface ITruckGrain : IEquipmentGrain;
