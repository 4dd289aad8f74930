namespace Equipment.Contracts.Messages;

/// <summary>One machine's telemetry inside a multi-machine delivery: its id, kind (<c>tbm</c> or <c>truck</c>) and batch.</summary>
[GenerateSerializer, Immutable, Alias("equipment.MachineTelemetry")]
public sealed record MachineTelemetry(string Id, string Kind, TelemetryBatch Batch);
