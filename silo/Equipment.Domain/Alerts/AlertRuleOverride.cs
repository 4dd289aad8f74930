namespace Equipment.Domain.Alerts;

/// <summary>Changes to one built-in rule; null members keep the underlying value.</summary>
public sealed record AlertRuleOverride
{
    public required string RuleId { get; init; }
    public double? RaiseAt { get; init; }
    public double? ClearAt { get; init; }
    public double? MinDurationS { get; init; }
    public double? RateWindowS { get; init; }
    public double? StaleAfterS { get; init; }
    public AlertSeverity? Severity { get; init; }
    public double? MinOnlineS { get; init; }
    public bool? Enabled { get; init; }
    public bool? Latching { get; init; }

    public AlertRule ApplyTo(AlertRule rule) => rule with
    {
        RaiseAt = RaiseAt ?? rule.RaiseAt,
        ClearAt = ClearAt ?? rule.ClearAt,
        MinDurationS = MinDurationS ?? rule.MinDurationS,
        RateWindowS = RateWindowS ?? rule.RateWindowS,
        StaleAfterS = StaleAfterS ?? rule.StaleAfterS,
        Severity = Severity ?? rule.Severity,
        MinOnlineS = MinOnlineS ?? rule.MinOnlineS,
        Enabled = Enabled ?? rule.Enabled,
        Latching = Latching ?? rule.Latching,
    };
}
