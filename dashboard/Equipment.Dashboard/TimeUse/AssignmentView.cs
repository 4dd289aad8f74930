using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>One entry of a stop's audit trail.</summary>
public sealed record AssignmentView(string Reason, int ReasonCode, string By, DateTimeOffset At, string? Note)
{
    public static AssignmentView From(StopReasonAssignment a) => new(StopReasons.Name(a.Reason), (int)a.Reason, a.By, a.At, a.Note);
}
