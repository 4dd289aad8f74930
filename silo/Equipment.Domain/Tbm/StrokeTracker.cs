using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tbm;

/// <summary>
/// Groups samples by the <c>stroke</c> field and classifies each stroke. A stroke closes when a sample with a
/// higher stroke number arrives, or a lower one with a newer timestamp (the counter restarted or wrapped); samples with
/// a lower number and a timestamp not after the open stroke's last sample are late and ignored, because the closed
/// summary has already been published. Only samples with boring ≠ false, rpm &gt; <see cref="MinRpm"/>,
/// penetration &gt; 0 and all four of penetration, thrust, torque, rpm present are aggregated; chainage is taken from
/// every sample of the stroke. A stroke without any valid sample is not listed.
/// </summary>
public sealed class StrokeTracker
{
    /// <summary>
    /// 64 strokes ≈ 110 m of tunnel: keeps a TBM twin under its 32 KB budget (a summary is 152 bytes); older strokes
    /// are only in InfluxDB.
    /// </summary>
    public const int DefaultMaxStrokes = 64;
    public const int DefaultMaxMedianSamples = 128;

    /// <summary>Below this the cutterhead is treated as not turning (rpm ≈ 0).</summary>
    public const double MinRpm = 0.1;

    private readonly StrokeClassifier classifier;

    public StrokeTracker(TbmParameters parameters, StrokeTrackerState? state = null,
        int maxStrokes = DefaultMaxStrokes, int maxMedianSamples = DefaultMaxMedianSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStrokes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMedianSamples, 2);
        classifier = new StrokeClassifier(parameters);
        State = state ?? new StrokeTrackerState();
        MaxStrokes = maxStrokes;
        MaxMedianSamples = maxMedianSamples;

        // Reserving the bound once keeps List growth (doubling) from retaining up to twice the strokes' memory.
        if (State.Closed.Capacity < maxStrokes + 1) State.Closed.Capacity = maxStrokes + 1;
    }

    public StrokeTrackerState State { get; }
    public int MaxStrokes { get; }
    public int MaxMedianSamples { get; }

    /// <summary>Closed strokes (oldest first) followed by the open one when it has valid samples.</summary>
    public IReadOnlyList<StrokeSummary> Strokes
    {
        get
        {
            var open = SummarizeOpen();
            if (open is null) return State.Closed;
            var all = new List<StrokeSummary>(State.Closed.Count + 1);
            all.AddRange(State.Closed);
            all.Add(open.Value);
            return all;
        }
    }

    /// <summary>Feeds one sample; returns the summary of the stroke it closed, if any.</summary>
    public StrokeSummary? Apply(TbmSample sample)
    {
        if (sample.Stroke is not { } stroke) return null;
        StrokeSummary? closed = null;
        var open = State.Open;
        if (open is not null && stroke < open.Stroke)
        {
            // A lower number is either a late sample of an older stroke (its time is not after the open stroke's last
            // sample: ignored, the older stroke is already published) or a counter that restarted or wrapped (a PLC
            // restart: newer time). The latter starts a new stroke so classification carries on.
            if (open.LastSampleAt is not { } lastAt || sample.Timestamp <= lastAt) return null;
            State.CounterResets++;
        }

        if (open is null || stroke != open.Stroke)
        {
            closed = CloseOpen();
            open = State.Open = new OpenStrokeState { Stroke = stroke };
        }

        if (open.LastSampleAt is not { } last || sample.Timestamp > last) open.LastSampleAt = sample.Timestamp;

        if (sample.ChainageM is { } chainage)
        {
            open.ChainageStartM ??= chainage;
            open.ChainageEndM = chainage;
        }

        if (sample.Boring != false
            && sample is { PenetrationMmRev: { } p, ThrustKn: { } f, TorqueKnm: { } t, Rpm: { } rpm }
            && p > 0 && rpm > MinRpm)
        {
            Add(open, p, f, t, rpm);
        }

        return closed;
    }

    /// <summary>Closes the open stroke now (e.g. at end of data); returns its summary if it had valid samples.</summary>
    public StrokeSummary? CloseOpen()
    {
        var summary = SummarizeOpen();
        State.Open = null;
        if (summary is not { } s) return null;
        s = s with { Open = false };
        State.Closed.Add(s);
        if (State.Closed.Count > MaxStrokes) State.Closed.RemoveRange(0, State.Closed.Count - MaxStrokes);
        State.ConsecutiveExceptional = s.Mean.AdvanceClass == AdvanceClass.Exceptional ? State.ConsecutiveExceptional + 1 : 0;
        return s;
    }

    public StrokeSummary? SummarizeOpen()
    {
        var open = State.Open;
        if (open is null || open.Samples == 0) return null;
        var n = open.Samples;
        var mean = classifier.Classify(open.SumPenetrationMmRev / n, open.SumThrustKn / n, open.SumTorqueKnm / n, open.SumRpm / n);
        var median = classifier.Classify(Median(open.PenetrationMmRev), Median(open.ThrustKn), Median(open.TorqueKnm), Median(open.Rpm));
        return new StrokeSummary(open.Stroke, open.ChainageStartM, open.ChainageEndM, n, mean, median, Open: true);
    }

    private void Add(OpenStrokeState open, double p, double f, double t, double rpm)
    {
        open.Samples++;
        open.SumPenetrationMmRev += p;
        open.SumThrustKn += f;
        open.SumTorqueKnm += t;
        open.SumRpm += rpm;

        // Keeping every Stride-th sample and halving the buffer when full keeps an evenly spaced subsample
        // of the whole stroke, so the median stays representative of the stroke, not only of its start.
        if (open.SkippedSinceKept + 1 < open.Stride)
        {
            open.SkippedSinceKept++;
            return;
        }

        open.SkippedSinceKept = 0;
        open.PenetrationMmRev.Add(p);
        open.ThrustKn.Add(f);
        open.TorqueKnm.Add(t);
        open.Rpm.Add(rpm);
        if (open.PenetrationMmRev.Count >= MaxMedianSamples)
        {
            // With an even count the newest kept sample is dropped, so the next one to keep is a full old stride away.
            var droppedNewest = open.PenetrationMmRev.Count % 2 == 0;
            KeepEveryOther(open.PenetrationMmRev);
            KeepEveryOther(open.ThrustKn);
            KeepEveryOther(open.TorqueKnm);
            KeepEveryOther(open.Rpm);
            open.SkippedSinceKept = droppedNewest ? open.Stride : 0;
            open.Stride *= 2;
        }
    }

    private static void KeepEveryOther(List<double> values)
    {
        var kept = 0;
        for (var i = 0; i < values.Count; i += 2) values[kept++] = values[i];
        values.RemoveRange(kept, values.Count - kept);
    }

    /// <summary>Median; the mean of the two middle values for an even count.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
