namespace Equipment.Simulator.Tbm;

public enum TbmPhase
{
    Boring,
    Regripping,
    Jammed,
    JamRecovery,
    ScheduledStop,
    Haulage,
    RockSupport,
    CutterChange,
}
