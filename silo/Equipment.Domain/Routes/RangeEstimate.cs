namespace Equipment.Domain.Routes;

/// <summary>
/// Whether the battery carries the truck from <see cref="FromKm"/> to <see cref="TargetKm"/> keeping the reserve.
/// <see cref="PeakEnergyKwh"/> is the largest cumulative draw along the way (what must be in the battery, since
/// regeneration after a pass cannot pay for the climb to it); <see cref="EnergyNeededKwh"/> is the net at the target.
/// Energies include the auxiliary load (<see cref="AuxiliaryKwh"/> of them); usable energy is derated by
/// <see cref="CapacityFactor"/> for a cold pack.
/// </summary>
public sealed record RangeEstimate(
    double FromKm,
    double TargetKm,
    string TargetName,
    double EnergyNeededKwh,
    double PeakEnergyKwh,
    double UsableEnergyKwh,
    bool Reaches,
    double? RunsShortAtKm,
    double SocNeededPct,
    double SocMarginPct)
{
    /// <summary>+1 towards larger km, −1 back towards the route's start.</summary>
    public int Direction { get; init; } = 1;

    public double AuxiliaryKwh { get; init; }

    public double CapacityFactor { get; init; } = 1.0;

    /// <summary>Power of the target charger, kW; null for the route's end or a configured km.</summary>
    public double? TargetPowerKw { get; init; }

    /// <summary>The furthest usable charging point ahead the truck reaches with its charge and reserve; null if none.</summary>
    public string? FurthestReachableName { get; init; }

    public double? FurthestReachableKm { get; init; }

    /// <summary>
    /// The usable charging point the truck stands at (within <see cref="RangeEstimator.AtChargingPointKm"/>), if any: it
    /// can charge there, so a short margin to the next one is no alarm until it leaves.
    /// </summary>
    public string? AtChargingPointName { get; init; }
}
