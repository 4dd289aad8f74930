using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    [JsonStringEnumMemberName("critical")]
    Critical,

    [JsonStringEnumMemberName("major")]
    Major,

    [JsonStringEnumMemberName("minor")]
    Minor,

    [JsonStringEnumMemberName("warning")]
    Warning,
}
