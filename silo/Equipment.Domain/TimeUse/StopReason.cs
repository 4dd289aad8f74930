using System.Text.Json.Serialization;

namespace Equipment.Domain.TimeUse;

/// <summary>
/// Why a TBM stands: the integer codes of the <c>tbm</c> field <c>stop_reason</c> and of an operator's assignment.
/// <see cref="Unknown"/> (0) is what a standstill without any reported or assigned reason counts as; it is not a code a
/// machine or an operator may send. Unknown positive codes from a machine count as <see cref="Other"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StopReason>))]
public enum StopReason
{
    [JsonStringEnumMemberName("unknown")]
    Unknown = 0,

    [JsonStringEnumMemberName("cutter_change")]
    CutterChange = 1,

    [JsonStringEnumMemberName("rock_support")]
    RockSupport = 2,

    [JsonStringEnumMemberName("haulage")]
    Haulage = 3,

    [JsonStringEnumMemberName("maintenance")]
    Maintenance = 4,

    [JsonStringEnumMemberName("breakdown")]
    Breakdown = 5,

    [JsonStringEnumMemberName("regrip")]
    Regrip = 6,

    [JsonStringEnumMemberName("other")]
    Other = 7,
}
