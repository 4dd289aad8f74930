namespace Equipment.Contracts.Messages;

/// <summary>
/// The live state of one machine: last value and time of every field it has reported. <c>LastSeen</c> is when
/// the platform last received telemetry from it; <c>LastMeasured</c> the newest timestamp in that telemetry.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.EquipmentSnapshot")]
public sealed record EquipmentSnapshot(
    string Id,
    string Kind,
    string? Group,
    DateTimeOffset? LastSeen,
    long PointsReceived,
    Dictionary<string, FieldSnapshot> Fields,
    DateTimeOffset? LastMeasured);
