using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertTransition>))]
public enum AlertTransition
{
    [JsonStringEnumMemberName("raised")]
    Raised,

    [JsonStringEnumMemberName("acknowledged")]
    Acknowledged,

    [JsonStringEnumMemberName("cleared")]
    Cleared,
}
