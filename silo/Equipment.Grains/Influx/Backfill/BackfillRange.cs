namespace Equipment.Grains.Influx.Backfill;

/// <summary>Raw points of these machines in [<see cref="FromNs"/>, <see cref="ToNs"/>) (whole hours) whose rollups must be recomputed.</summary>
public sealed record BackfillRange(string Measurement, IReadOnlyList<string> Ids, long FromNs, long ToNs);
