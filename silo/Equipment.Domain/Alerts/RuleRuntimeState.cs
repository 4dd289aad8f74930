namespace Equipment.Domain.Alerts;

public sealed class RuleRuntimeState
{
    /// <summary>Since when the raise condition holds without interruption (for the minimum duration).</summary>
    public DateTimeOffset? PendingSince { get; set; }

    /// <summary>Reference point of a rate-of-change rule.</summary>
    public double? ReferenceValue { get; set; }

    public DateTimeOffset? ReferenceAt { get; set; }

    /// <summary>Stale rules with an open alert: since when telemetry has been arriving again without a gap.</summary>
    public DateTimeOffset? OnlineSince { get; set; }

    /// <summary>Stale rules with an open alert: the last telemetry time seen, to detect gaps.</summary>
    public DateTimeOffset? SeenAt { get; set; }
}
