namespace Equipment.Domain.Truck;

/// <summary>Brake-pad wear; rate and projections are null until the pads have measurably worn over some distance.</summary>
public sealed record BrakeWear(
    double? ThicknessMm,
    double? WearMmPer1000Km,
    double? KmToMinimum,
    double? OdometerAtMinimumKm,
    int PadChanges);
