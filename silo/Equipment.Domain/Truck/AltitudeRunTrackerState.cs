namespace Equipment.Domain.Truck;

public sealed class AltitudeRunTrackerState
{
    public OpenRunState? Open { get; set; }

    /// <summary>Closed runs, oldest first, at most <see cref="AltitudeRunTracker.MaxRuns"/>.</summary>
    public List<AltitudeRun> Closed { get; set; } = [];

    public long LastRunId { get; set; }
}
