namespace Equipment.Domain.Tbm;

/// <summary>
/// Trailing advance pace, m per calendar day: (furthest chainage now − furthest chainage at the start of the window) ÷
/// the days between them. Calendar days, not boring days: nights, weekends and stops are part of the pace a planner
/// projects with. Keeps one checkpoint per 6 h (≤ 4·7 + 2 points) and the newest sample, so its state stays small.
/// </summary>
public sealed class AdvancePaceTracker(AdvancePaceState? state = null)
{
    /// <summary>Trailing window of the pace.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>Less history than this gives no pace: a few minutes of boring are not a daily rate.</summary>
    public static readonly TimeSpan MinimumSpan = TimeSpan.FromHours(1);

    private static readonly TimeSpan Step = TimeSpan.FromHours(6);

    public AdvancePaceState State { get; } = state ?? new AdvancePaceState();

    /// <summary>Records the furthest chainage as of <paramref name="at"/> (device time, in order; older samples are ignored).</summary>
    public void Apply(DateTimeOffset at, double furthestChainageM)
    {
        State.FirstChainageM ??= furthestChainageM;
        var points = State.Points;
        if (points.Count > 0 && at < points[^1].At) return;
        if (points.Count >= 2 && points[^1].At - points[^2].At < Step)
        {
            // The newest point is not yet a checkpoint (less than a step after the last one): move it forward.
            points[^1] = new ChainagePoint(at, furthestChainageM);
        }
        else
        {
            points.Add(new ChainagePoint(at, furthestChainageM));
        }

        // Keep exactly one checkpoint at or before the window's start, so the pace always spans the whole window.
        var start = at - Window;
        var drop = 0;
        while (drop + 1 < points.Count && points[drop + 1].At <= start) drop++;
        if (drop > 0) points.RemoveRange(0, drop);
    }

    /// <summary>Pace over the trailing window, m/day; null with less than <see cref="MinimumSpan"/> of history.</summary>
    public double? PaceMPerDay => Span is { } span && span >= MinimumSpan
        ? Math.Max(0, State.Points[^1].ChainageM - State.Points[0].ChainageM) / span.TotalDays
        : null;

    /// <summary>Time the pace is measured over (up to the window and one step); null without two points.</summary>
    public TimeSpan? Span => State.Points.Count >= 2 ? State.Points[^1].At - State.Points[0].At : null;
}
