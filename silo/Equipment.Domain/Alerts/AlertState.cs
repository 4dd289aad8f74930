using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

/// <summary>
/// active → acknowledged → cleared, or active → cleared. A cleared alert nobody acknowledged is still
/// <see cref="Cleared"/>; <see cref="Alert.ClearedUnacknowledged"/> tells it apart and it can still be acknowledged.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertState>))]
public enum AlertState
{
    [JsonStringEnumMemberName("active")]
    Active,

    [JsonStringEnumMemberName("acknowledged")]
    Acknowledged,

    [JsonStringEnumMemberName("cleared")]
    Cleared,
}
