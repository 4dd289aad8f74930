namespace Equipment.Simulator.Gbt32960;

public enum TboxMessageKind
{
    /// <summary>0x02; sent as 0x03 instead when it was produced before the session that sends it (link outage back-fill).</summary>
    RealTime,

    /// <summary>0x03: the 1 s samples of the 30 s before a level-3 fault.</summary>
    Resent,

    /// <summary>0x07, nothing else to send for a while.</summary>
    Heartbeat,

    /// <summary>0x04 at the end of the Beijing day; the client then reconnects and logs in with the new day's serial.</summary>
    DayEnd,
}
