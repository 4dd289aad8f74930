using System.Text.Json.Serialization;

namespace Equipment.Domain.Tbm;

/// <summary>ÖNORM B 2203-2 advance class of a stroke; serialises as "regular"/"exceptional" whatever the serializer options.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdvanceClass>))]
public enum AdvanceClass
{
    [JsonStringEnumMemberName("regular")]
    Regular,

    [JsonStringEnumMemberName("exceptional")]
    Exceptional,
}
