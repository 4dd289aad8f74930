using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<ThresholdDirection>))]
public enum ThresholdDirection
{
    /// <summary>Raise when value ≥ RaiseAt, clear when value ≤ ClearAt.</summary>
    [JsonStringEnumMemberName("above")]
    Above,

    /// <summary>Raise when value ≤ RaiseAt, clear when value ≥ ClearAt.</summary>
    [JsonStringEnumMemberName("below")]
    Below,
}
