namespace Equipment.Domain.Tbm;

/// <summary>Wear report of one cutter position. Rates and projections are null until two distinct points exist.</summary>
public sealed record CutterWear(
    int Position,
    double RadiusM,
    double? WearMm,
    DateTimeOffset? MeasuredAt,
    int Replacements,
    double RolledKmSinceBaseline,
    double? WearRateMmPerKm,
    double? WearRateMmPerM,
    double? RemainingMm,
    double? RemainingAdvanceM,
    double? ChainageAtLimitM,
    string Class,
    double LimitMm);
