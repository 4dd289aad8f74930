namespace Equipment.Contracts.Messages;

/// <summary>
/// Lines for one equipment, already validated and normalised by the gateway (nanosecond timestamps, schema
/// types). Carried as line protocol so the silo can forward it to InfluxDB untouched. A batch from a gateway's
/// spool may hold several spooled records' lines, in log order: <see cref="Positions"/>[i] is where record i
/// ends in the spool <see cref="SpoolId"/> (ascending) and <see cref="Ends"/>[i] where its lines end in
/// <see cref="Lines"/>. The twin applies only records past the position it has already applied from that
/// spool, so a redelivered record never changes a twin twice; InfluxDB gets every line (it overwrites).
/// Without a spool id (tests, tools) every line is applied.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.TelemetryBatch")]
public sealed record TelemetryBatch(byte[] Lines, int Points, string? SpoolId = null, long[]? Positions = null, int[]? Ends = null);
