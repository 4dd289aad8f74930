namespace Equipment.Domain.Tbm;

public sealed class StrokeTrackerState
{
    public OpenStrokeState? Open { get; set; }

    /// <summary>Closed strokes, oldest first, at most <see cref="StrokeTracker.MaxStrokes"/>.</summary>
    public List<StrokeSummary> Closed { get; set; } = [];

    /// <summary>Closed strokes in a row whose mean aggregate was exceptional.</summary>
    public int ConsecutiveExceptional { get; set; }

    /// <summary>Times the stroke counter went back with newer data (PLC restart or wrap).</summary>
    public int CounterResets { get; set; }
}
