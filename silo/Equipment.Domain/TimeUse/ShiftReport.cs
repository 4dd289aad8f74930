namespace Equipment.Domain.TimeUse;

/// <summary>
/// One shift of one TBM: advance against plan, strokes by class, time use and the ten longest stops (regrips are not
/// stops here: they are the normal rhythm of boring).
/// </summary>
public sealed record ShiftReport(
    DateOnly Date,
    int Shift,
    DateTimeOffset From,
    DateTimeOffset To,
    double? ChainageStartM,
    double? ChainageEndM,
    double AdvanceM,
    double PlannedAdvanceM,
    int StrokesRegular,
    int StrokesExceptional,
    TimeUseSummary TimeUse,
    IReadOnlyList<TimeUseStop> LongestStops)
{
    public const int LongestStopCount = 10;

    /// <summary>Advance over plan, 0–∞ (1 = on plan); 0 when nothing was planned.</summary>
    public double AdvanceOfPlan => PlannedAdvanceM > 0 ? AdvanceM / PlannedAdvanceM : 0;
}
