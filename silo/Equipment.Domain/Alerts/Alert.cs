using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

/// <summary>An alert occurrence. Immutable: every transition produces a new instance carried by an <see cref="AlertEvent"/>.</summary>
public sealed record Alert
{
    /// <summary>"{equipmentId}:{ruleId}:{sequence}", sequence counting raises of that rule on that machine from 1.</summary>
    public required string Id { get; init; }
    public required string EquipmentId { get; init; }
    public required string RuleId { get; init; }
    public AlertSeverity Severity { get; init; }
    public AlertState State { get; init; }
    public string Message { get; init; } = "";

    /// <summary>Value of the metric (or seconds since telemetry, or rate per minute) that raised the alert.</summary>
    public double? Value { get; init; }

    public double? Threshold { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>The shelf this alert is under (see <see cref="AlertShelf"/>); null when it notifies normally.</summary>
    public AlertShelf? Shelf { get; init; }

    /// <summary>
    /// A latching rule's alert whose value is back to normal: it stays active until acknowledged, and the
    /// acknowledgement clears it.
    /// </summary>
    public bool Latched { get; init; }

    /// <summary>Active and not shelved: what counts as alerting and is announced.</summary>
    [JsonIgnore]
    public bool IsAlerting => State == AlertState.Active && Shelf is null;

    /// <summary>Cleared before anyone acknowledged it; such an alert still awaits an acknowledgement.</summary>
    public bool ClearedUnacknowledged => State == AlertState.Cleared && AcknowledgedAt is null;

    /// <summary>Active or acknowledged (not yet cleared).</summary>
    [JsonIgnore]
    public bool IsOpen => State != AlertState.Cleared;
}
