using Equipment.Domain.Alerts;

namespace Equipment.Grains.Grains;

/// <summary>One rule override as configuration binds it (the domain's override record has init-only members).</summary>
public sealed class AlertRuleSetting
{
    public string RuleId { get; set; } = "";

    public double? RaiseAt { get; set; }

    public double? ClearAt { get; set; }

    public double? MinDurationS { get; set; }

    public double? RateWindowS { get; set; }

    public double? StaleAfterS { get; set; }

    public AlertSeverity? Severity { get; set; }

    public bool? Enabled { get; set; }

    /// <summary>Keep the alert active until acknowledged even when the value recovers.</summary>
    public bool? Latching { get; set; }

    public AlertRuleOverride ToOverride() => new()
    {
        RuleId = RuleId,
        RaiseAt = RaiseAt,
        ClearAt = ClearAt,
        MinDurationS = MinDurationS,
        RateWindowS = RateWindowS,
        StaleAfterS = StaleAfterS,
        Severity = Severity,
        Enabled = Enabled,
        Latching = Latching,
    };
}
