namespace Equipment.Domain.Telemetry;

/// <summary>One <c>tbm_cutter</c> line: tag <c>position</c> plus optional <c>wear_mm</c> and <c>replaced</c>.</summary>
public readonly record struct CutterSample(
    DateTimeOffset Timestamp,
    int Position,
    double? WearMm = null,
    bool? Replaced = null);
