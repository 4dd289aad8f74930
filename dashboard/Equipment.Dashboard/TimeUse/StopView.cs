using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>
/// A stop in the shift report. <c>start</c> identifies it (the operator's assignment names it); <c>machineReason</c>
/// is what the machine reported, <c>reason</c> what counts (the newest assignment, else the machine's).
/// </summary>
public sealed record StopView(
    DateTimeOffset Start,
    DateTimeOffset End,
    double DurationS,
    string MachineReason,
    int MachineReasonCode,
    string Reason,
    int ReasonCode,
    string? AssignedBy,
    DateTimeOffset? AssignedAt,
    IReadOnlyList<AssignmentView> History)
{
    public static StopView From(TimeUseStop s) => new(
        s.Start, s.End, Math.Round(s.DurationS, 3),
        StopReasons.Name(s.MachineReason), (int)s.MachineReason,
        StopReasons.Name(s.Reason), (int)s.Reason,
        s.History.Count > 0 ? s.History[^1].By : null,
        s.History.Count > 0 ? s.History[^1].At : null,
        s.History.Select(AssignmentView.From).ToList());
}
