using Equipment.Telemetry.Schema;

namespace Equipment.Telemetry.Ingest;

/// <summary>The normalised lines of one request for one equipment: every line with a nanosecond timestamp, ready for InfluxDB.</summary>
public sealed record EquipmentLines(EquipmentKind Kind, string Id, byte[] Lines, int Points);
