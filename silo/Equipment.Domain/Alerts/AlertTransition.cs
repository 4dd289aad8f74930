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

    /// <summary>An open alert went under a shelf (its rule's or its own).</summary>
    [JsonStringEnumMemberName("shelved")]
    Shelved,

    /// <summary>The shelf over an open alert ended (expired or unshelved): the alert is announced as active again.</summary>
    [JsonStringEnumMemberName("unshelved")]
    Unshelved,
}
