namespace Equipment.Domain.Tbm;

/// <summary>
/// One position of the cutter-change plan. Rates are least-squares slopes over the inspections since the position's
/// last replacement; projections are null until the fitted wear rises.
/// </summary>
public sealed record CutterPlanRow(
    int Position,
    string Class,
    double RadiusM,
    double LimitMm,
    double? WearMm,
    DateTimeOffset? MeasuredAt,
    int Inspections,
    int Replacements,
    double? WearRateMmPerM,
    double? WearRateMmPerKm,
    double? ChainageAtLimitM,
    DateTimeOffset? DateAtLimit,
    bool DueBeforeStop,
    double? NeighbourMedianMmPerKm,
    double? RateToNeighbours,
    bool Abnormal);
