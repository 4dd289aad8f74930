using Equipment.Domain.Tbm;

namespace Equipment.Domain.TimeUse;

/// <summary>Builds a <see cref="ShiftReport"/> from a shift's samples, its closed strokes and operators' assignments.</summary>
public static class ShiftReportBuilder
{
    /// <summary>How far before a shift the samples should reach: the state at its start and the stroke before a stop.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(1);

    /// <summary>
    /// Null when the production day <paramref name="date"/> has no shift <paramref name="shift"/>. Advance is the
    /// furthest chainage reached in the shift minus the furthest reached before it (a machine pulled back for a cutter
    /// change does not advance twice); the plan is the daily target pro rata to the shift's length.
    /// </summary>
    public static ShiftReport? Build(TbmParameters parameters, DateOnly date, int shift, IReadOnlyCollection<TimeUseSample> samples,
        IEnumerable<StrokeMark> strokes, IEnumerable<StopReasonAssignment> assignments)
    {
        if (new ShiftCalendar(parameters).ShiftBounds(date, shift) is not var (from, to)) return null;

        var timeUse = new TimeUseClassifier(parameters.RegripMaxSeconds).Classify(samples, from, to, assignments);

        double? furthestBefore = null, firstInside = null, furthestInside = null, lastInside = null;
        DateTimeOffset lastTime = DateTimeOffset.MinValue;
        foreach (var s in samples)
        {
            if (s.ChainageM is not { } c || !double.IsFinite(c)) continue;
            if (s.Time < from)
            {
                furthestBefore = Math.Max(furthestBefore ?? c, c);
            }
            else if (s.Time < to)
            {
                firstInside ??= c;
                furthestInside = Math.Max(furthestInside ?? c, c);
                if (s.Time >= lastTime) { lastTime = s.Time; lastInside = c; }
            }
        }

        var startChainage = furthestBefore ?? firstInside;
        var advance = startChainage is { } a && furthestInside is { } b ? Math.Max(0, b - a) : 0;

        var regular = 0;
        var exceptional = 0;
        foreach (var k in strokes.Where(k => k.Time >= from && k.Time < to).DistinctBy(k => k.Stroke))
        {
            if (k.AdvanceClass == AdvanceClass.Regular) regular++;
            else exceptional++;
        }

        var planned = parameters.AdvanceTargetMPerDay * (to - from).TotalHours / 24.0;
        var longest = timeUse.Stops.Where(s => !s.Regrip).OrderByDescending(s => s.DurationS).ThenBy(s => s.Start)
            .Take(ShiftReport.LongestStopCount).ToList();
        return new ShiftReport(date, shift, from, to, startChainage, lastInside ?? startChainage, advance, planned, regular, exceptional, timeUse, longest);
    }
}
