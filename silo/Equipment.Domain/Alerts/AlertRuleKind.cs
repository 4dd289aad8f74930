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

    /// <summary>
    /// A level the device itself reports (GB/T 32960 alarm level): raised at RaiseAt or above with the severity the
    /// level maps to (1 minor, 2 major, 3 and 4 critical), re-raised when the level changes severity, cleared at ClearAt
    /// or below. The message names the set flags of the metric <see cref="AlertRule.FlagsMetric"/>.
    /// </summary>
    [JsonStringEnumMemberName("deviceAlarm")]
    DeviceAlarm,
}
