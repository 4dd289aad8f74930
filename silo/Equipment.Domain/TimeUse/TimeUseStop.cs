namespace Equipment.Domain.TimeUse;

/// <summary>
/// One standstill (a maximal run of non-boring time) inside the period. <see cref="MachineReason"/> is the reason the
/// machine reported for most of it, <see cref="Reason"/> the one that counts (the newest operator assignment, else the
/// machine's), <see cref="History"/> every operator assignment, oldest first.
/// </summary>
public sealed record TimeUseStop(
    DateTimeOffset Start,
    DateTimeOffset End,
    double DurationS,
    bool Regrip,
    StopReason MachineReason,
    StopReason Reason,
    IReadOnlyList<StopReasonAssignment> History);
