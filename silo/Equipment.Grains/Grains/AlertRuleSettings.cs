namespace Equipment.Grains.Grains;

/// <summary>
/// Per-kind alert rule overrides from configuration (<c>AlertRules:Tbm</c>, <c>AlertRules:Truck</c>); a machine's
/// own overrides from the registry are applied after these.
/// </summary>
public sealed class AlertRuleSettings
{
    public const string Section = "AlertRules";

    public List<AlertRuleSetting> Tbm { get; set; } = [];

    public List<AlertRuleSetting> Truck { get; set; } = [];
}
