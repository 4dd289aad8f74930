namespace Equipment.Domain.TimeUse;

/// <summary>
/// Classifies every second of a period from the machine's own samples (see the domain README, "Time use"):
/// a sample stands for the time until the next one, at most <see cref="MaxSampleGapSeconds"/>; beyond that the time
/// is "no data". Boring time is where <c>boring</c> is true; a run of non-boring time is a stop, and a stop is a
/// regrip when it lies between two strokes (boring before and after, a higher stroke number after), lasts at most
/// the regrip limit and nothing else was reported for it, or when the machine or an operator says regrip.
/// </summary>
public sealed class TimeUseClassifier
{
    /// <summary>The longest a sample is taken to stand for, s; a longer silence is "no data".</summary>
    public const double MaxSampleGapSeconds = 60;

    private readonly double regripMaxSeconds;

    public TimeUseClassifier(double regripMaxSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(regripMaxSeconds);
        this.regripMaxSeconds = regripMaxSeconds;
    }

    /// <summary>
    /// Time use of [<paramref name="from"/>, <paramref name="to"/>). Samples may be in any order, repeat a time (their
    /// fields merge, later wins) and start before <paramref name="from"/> (a look-back gives the state at the start and
    /// the stroke before a stop); a stop is keyed by its first non-boring sample, which is where assignments attach.
    /// </summary>
    public TimeUseSummary Classify(IEnumerable<TimeUseSample> samples, DateTimeOffset from, DateTimeOffset to, IEnumerable<StopReasonAssignment> assignments)
    {
        if (to < from) throw new ArgumentException("to must not be before from", nameof(to));
        var ordered = Merge(samples);
        var byStop = assignments.GroupBy(a => a.StopStart).ToDictionary(g => g.Key, g => (IReadOnlyList<StopReasonAssignment>)g.OrderBy(a => a.At).ToList());
        var totals = new Totals();
        var stops = new List<TimeUseStop>();
        bool? boring = null;
        long? lastStroke = null;
        long? lastBoringStroke = null;
        var seenBoring = false;
        OpenStop? open = null;

        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            if (s.Stroke is { } stroke) lastStroke = stroke;
            if (s.Boring is { } b) boring = b;
            if (boring is null) continue;

            var nextTime = i + 1 < ordered.Count ? ordered[i + 1].Time : to;
            var coverEnd = Min(nextTime, s.Time.AddSeconds(MaxSampleGapSeconds));
            var start = Max(s.Time, from);
            var end = Min(coverEnd, to);
            var seconds = end > start ? (end - start).TotalSeconds : 0;

            if (boring.Value)
            {
                if (open is not null)
                {
                    Close(open, followedByBoring: true, strokeAfter: lastStroke, byStop, totals, stops);
                    open = null;
                }

                totals.Boring += seconds;
                seenBoring = true;
                lastBoringStroke = lastStroke;
            }
            else
            {
                open ??= new OpenStop(s.Time, seenBoring, lastBoringStroke);
                var reason = StopReasons.FromMachine(s.StopReasonCode);
                open.Seconds[reason] = open.Seconds.GetValueOrDefault(reason) + seconds;
                open.Covered += seconds;
                if (seconds > 0) open.End = end;
            }

            if (s.Time >= to) break;
        }

        if (open is not null) Close(open, followedByBoring: false, strokeAfter: null, byStop, totals, stops);

        var period = (to - from).TotalSeconds;
        var noData = Math.Max(0, period - totals.Boring - totals.Regrip - totals.Standstill);
        return new TimeUseSummary(from, to, totals.Boring, totals.Regrip, totals.Standstill, noData, totals.ByReason, stops);
    }

    private void Close(OpenStop stop, bool followedByBoring, long? strokeAfter, Dictionary<DateTimeOffset, IReadOnlyList<StopReasonAssignment>> byStop, Totals totals, List<TimeUseStop> stops)
    {
        if (stop.Covered <= 0) return; // entirely before the period (look-back only)
        var history = byStop.GetValueOrDefault(stop.Start) ?? [];
        var machine = stop.Seconds.Where(kv => kv.Key != StopReason.Unknown && kv.Value > 0)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).FirstOrDefault();
        var betweenStrokes = stop.PrecededByBoring && followedByBoring
            && stop.StrokeBefore is { } before && strokeAfter is { } after && after > before;
        var wall = (stop.End - stop.Start).TotalSeconds;
        var machineOnlyUnknownOrRegrip = stop.Seconds.All(kv => kv.Value <= 0 || kv.Key is StopReason.Unknown or StopReason.Regrip);

        StopReason reason;
        bool regrip;
        if (history.Count > 0)
        {
            reason = history[^1].Reason;
            regrip = reason == StopReason.Regrip;
            if (regrip) totals.Regrip += stop.Covered;
            else totals.AddStandstill(reason, stop.Covered);
        }
        else if (machine == StopReason.Regrip && machineOnlyUnknownOrRegrip || machine == StopReason.Unknown && betweenStrokes && wall <= regripMaxSeconds)
        {
            reason = StopReason.Regrip;
            regrip = true;
            totals.Regrip += stop.Covered;
        }
        else
        {
            reason = machine;
            regrip = false;
            foreach (var (r, seconds) in stop.Seconds)
            {
                // Seconds the machine itself flagged as regrip stay regrip even inside a longer stop.
                if (r == StopReason.Regrip) totals.Regrip += seconds;
                else totals.AddStandstill(r, seconds);
            }
        }

        stops.Add(new TimeUseStop(stop.Start, stop.End, stop.Covered, regrip, machine, reason, history));
    }

    private static List<TimeUseSample> Merge(IEnumerable<TimeUseSample> samples)
    {
        var list = samples.ToList();
        list.Sort((a, b) => a.Time.CompareTo(b.Time)); // List.Sort is unstable: ties are merged below regardless of order
        var merged = new List<TimeUseSample>(list.Count);
        foreach (var s in list)
        {
            if (merged.Count > 0 && merged[^1].Time == s.Time)
            {
                var m = merged[^1];
                merged[^1] = new TimeUseSample(s.Time, s.Boring ?? m.Boring, s.Stroke ?? m.Stroke, s.ChainageM ?? m.ChainageM, s.StopReasonCode ?? m.StopReasonCode);
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class OpenStop(DateTimeOffset start, bool precededByBoring, long? strokeBefore)
    {
        public DateTimeOffset Start { get; } = start;
        public DateTimeOffset End { get; set; } = start;
        public bool PrecededByBoring { get; } = precededByBoring;
        public long? StrokeBefore { get; } = strokeBefore;
        public double Covered { get; set; }
        public Dictionary<StopReason, double> Seconds { get; } = [];
    }

    private sealed class Totals
    {
        public double Boring { get; set; }
        public double Regrip { get; set; }
        public double Standstill { get; set; }
        public Dictionary<StopReason, double> ByReason { get; } = [];

        public void AddStandstill(StopReason reason, double seconds)
        {
            if (seconds <= 0) return;
            Standstill += seconds;
            ByReason[reason] = ByReason.GetValueOrDefault(reason) + seconds;
        }
    }
}
