namespace Equipment.Contracts.Messages;

/// <summary>
/// The live state of one machine: last value and time of every field it has reported. <c>LastSeen</c> is when
/// the platform last received telemetry from it; <c>LastMeasured</c> the newest timestamp in that telemetry;
/// <c>Tbm</c> or <c>Truck</c> the twin's KPIs, <c>OpenAlerts</c> its active and acknowledged alerts.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.EquipmentSnapshot")]
public sealed record EquipmentSnapshot(
    string Id,
    string Kind,
    string? Group,
    DateTimeOffset? LastSeen,
    long PointsReceived,
    Dictionary<string, FieldSnapshot> Fields,
    DateTimeOffset? LastMeasured,
    string? Name = null,
    Equipment.Domain.Tbm.TbmKpis? Tbm = null,
    Equipment.Domain.Truck.TruckKpis? Truck = null,
    Equipment.Domain.Alerts.Alert[]? OpenAlerts = null);
