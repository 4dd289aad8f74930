namespace Equipment.Domain.Alerts;

/// <summary>
/// One alert rule. The gap between <see cref="RaiseAt"/> and <see cref="ClearAt"/> is the hysteresis that keeps a
/// value hovering at the limit from flapping; every threshold and rate rule must have one (strict, validated). The raise condition must hold for <see cref="MinDurationS"/> (the pending period) before the
/// alert is raised; clearing is immediate, except that a <see cref="Latching"/> rule's alert waits for an acknowledgement.
/// </summary>
public sealed record AlertRule
{
    public required string Id { get; init; }
    public AlertRuleKind Kind { get; init; } = AlertRuleKind.Threshold;

    /// <summary>Name of the metric the twin reports (unused for <see cref="AlertRuleKind.Stale"/>).</summary>
    public string Metric { get; init; } = "";

    public ThresholdDirection Direction { get; init; } = ThresholdDirection.Above;
    public double RaiseAt { get; init; }
    public double ClearAt { get; init; }

    /// <summary>The pending period, s: how long the raise condition must hold without interruption (on device time) before raising.</summary>
    public double MinDurationS { get; init; }

    /// <summary>For rate-of-change rules: the shortest interval a rate is computed over, s.</summary>
    public double RateWindowS { get; init; } = 60.0;

    /// <summary>For stale rules: seconds without telemetry before raising.</summary>
    public double StaleAfterS { get; init; } = 120.0;

    /// <summary>
    /// For stale rules: seconds telemetry must have been arriving again (no gap of <see cref="StaleAfterS"/>) before an
    /// open alert clears, so one line from a radio dead zone does not clear and re-raise it. 0 = clear on any line.
    /// </summary>
    public double MinOnlineS { get; init; }

    /// <summary>
    /// For stale rules: a metric of the twin (e.g. "parked") that, while present and &gt; 0, means silence is expected;
    /// the rule then does not raise (an open alert stays open until telemetry is back).
    /// </summary>
    public string? SuppressedBy { get; init; }

    /// <summary>For device-alarm rules: the metric holding the device's alarm flags, named in the message.</summary>
    public string? FlagsMetric { get; init; }

    public AlertSeverity Severity { get; init; } = AlertSeverity.Warning;
    public bool Enabled { get; init; } = true;
    public string Description { get; init; } = "";

    /// <summary>
    /// Latching: the alert stays active after the value recovers until someone acknowledges it, so a short excursion
    /// nobody saw is not lost; once acknowledged with the value back to normal it clears.
    /// </summary>
    public bool Latching { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Id)) errors.Add("rule id is required.");
        if (Id.Contains(':')) errors.Add($"rule '{Id}': id must not contain ':' (it is part of alert ids).");
        if (Kind != AlertRuleKind.Stale && string.IsNullOrWhiteSpace(Metric)) errors.Add($"rule '{Id}': metric is required.");
        if (Kind != AlertRuleKind.Stale)
        {
            // A strict gap: a value hovering at a single raise/clear level would flap with every sample's noise.
            if (Direction == ThresholdDirection.Above && !(ClearAt < RaiseAt))
                errors.Add($"rule '{Id}': for direction above, clearAt ({ClearAt}) must be < raiseAt ({RaiseAt}) (hysteresis).");
            if (Direction == ThresholdDirection.Below && !(ClearAt > RaiseAt))
                errors.Add($"rule '{Id}': for direction below, clearAt ({ClearAt}) must be > raiseAt ({RaiseAt}) (hysteresis).");
        }

        if (!(MinDurationS >= 0)) errors.Add($"rule '{Id}': minDurationS must be >= 0.");
        if (Kind == AlertRuleKind.RateOfChange && !(RateWindowS > 0)) errors.Add($"rule '{Id}': rateWindowS must be > 0.");
        if (Kind == AlertRuleKind.Stale && !(StaleAfterS > 0)) errors.Add($"rule '{Id}': staleAfterS must be > 0.");
        if (!(MinOnlineS >= 0)) errors.Add($"rule '{Id}': minOnlineS must be >= 0.");
        return errors;
    }
}
