namespace Equipment.Domain.TimeUse;

/// <summary>The documented list of stop-reason codes and how a reported or assigned code is read.</summary>
public static class StopReasons
{
    /// <summary>Codes a machine or an operator may give (1–7).</summary>
    public static IReadOnlyList<StopReason> Assignable { get; } =
        [StopReason.CutterChange, StopReason.RockSupport, StopReason.Haulage, StopReason.Maintenance, StopReason.Breakdown, StopReason.Regrip, StopReason.Other];

    /// <summary>The snake_case name used in JSON and CSV (<c>cutter_change</c>, …).</summary>
    public static string Name(StopReason reason) => reason switch
    {
        StopReason.CutterChange => "cutter_change",
        StopReason.RockSupport => "rock_support",
        StopReason.Haulage => "haulage",
        StopReason.Maintenance => "maintenance",
        StopReason.Breakdown => "breakdown",
        StopReason.Regrip => "regrip",
        StopReason.Other => "other",
        _ => "unknown",
    };

    /// <summary>An operator's code: only 1–7 are accepted.</summary>
    public static bool TryAssignable(long code, out StopReason reason)
    {
        reason = code is >= 1 and <= 7 ? (StopReason)code : StopReason.Unknown;
        return reason != StopReason.Unknown;
    }

    /// <summary>
    /// A machine's code: absent or 0 is no reason; a code the list does not know is kept as <see cref="StopReason.Other"/>
    /// (the raw value stays in InfluxDB) so a PLC with a longer list still has its time accounted for.
    /// </summary>
    public static StopReason FromMachine(long? code) => code switch
    {
        null or 0 => StopReason.Unknown,
        >= 1 and <= 7 => (StopReason)code.Value,
        _ => StopReason.Other,
    };
}
