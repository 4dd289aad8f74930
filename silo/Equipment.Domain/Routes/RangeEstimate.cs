namespace Equipment.Domain.Routes;

/// <summary>
/// Whether the battery carries the truck from <see cref="FromKm"/> to <see cref="TargetKm"/> keeping the reserve.
/// <see cref="PeakEnergyKwh"/> is the largest cumulative draw along the way (what must be in the battery, since
/// regeneration after a pass cannot pay for the climb to it); <see cref="EnergyNeededKwh"/> is the net at the target.
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
    double SocMarginPct);
