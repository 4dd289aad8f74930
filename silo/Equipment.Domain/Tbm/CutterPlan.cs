namespace Equipment.Domain.Tbm;

/// <summary>
/// Cutter-change plan of one TBM (see the domain README, "Cutter-change plan"). <see cref="StopChainageM"/> is the
/// registered stop's chainage, or where the machine is projected to be on the stop's date at <see cref="PaceMPerDay"/>
/// (the earlier of the two when both are registered). Rows are sorted by chainage at limit (unprojected last).
/// </summary>
public sealed record CutterPlan(
    DateTimeOffset? AsOf,
    double? ChainageM,
    double? PaceMPerDay,
    double? PaceDays,
    MaintenanceStop? NextStop,
    double? StopChainageM,
    IReadOnlyList<int> Due,
    CutterDiscCount DiscsNeeded,
    int DiscsChanged,
    double? ExcavatedM3,
    double? ConsumptionDiscsPerM3,
    double? ProjectedDiscsPerM3,
    IReadOnlyList<int> AbnormalPositions,
    IReadOnlyList<CutterPlanRow> Positions);
