using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertRuleKind>))]
public enum AlertRuleKind
{
    /// <summary>The metric's value against RaiseAt/ClearAt.</summary>
    [JsonStringEnumMemberName("threshold")]
    Threshold,

    /// <summary>The metric's change per minute (over at least <see cref="AlertRule.RateWindowS"/>) against RaiseAt/ClearAt.</summary>
    [JsonStringEnumMemberName("rateOfChange")]
    RateOfChange,

    /// <summary>Seconds since the last telemetry against <see cref="AlertRule.StaleAfterS"/>.</summary>
    [JsonStringEnumMemberName("stale")]
    Stale,
}
