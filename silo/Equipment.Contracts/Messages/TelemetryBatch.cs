namespace Equipment.Contracts.Messages;

/// <summary>
/// One request's lines for one equipment, already validated and normalised by the gateway (nanosecond
/// timestamps, schema types). Carried as line protocol so the silo can forward it to InfluxDB untouched.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.TelemetryBatch")]
public sealed record TelemetryBatch(byte[] Lines, int Points);
