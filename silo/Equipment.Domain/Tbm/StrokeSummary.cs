namespace Equipment.Domain.Tbm;

/// <summary>
/// A stroke as returned by <c>GET /api/tbm/{id}/strokes</c>. <see cref="Open"/> is an addition to the
/// contract: true while the stroke is still being bored (its numbers will still change).
/// A struct so a bounded list of them stays one compact array in the twin.
/// </summary>
public readonly record struct StrokeSummary(
    long Stroke,
    double? ChainageStartM,
    double? ChainageEndM,
    int Samples,
    StrokeAggregate Mean,
    StrokeAggregate Median,
    bool Open);
