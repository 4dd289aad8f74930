namespace Equipment.Domain.TimeUse;

/// <summary>
/// An operator's reason for the stop that started at <see cref="StopStart"/>: one entry of the audit trail. The
/// newest assignment of a stop counts; older ones and the machine's own reason are kept, never overwritten.
/// </summary>
public sealed record StopReasonAssignment(DateTimeOffset StopStart, StopReason Reason, string By, DateTimeOffset At, string? Note);
