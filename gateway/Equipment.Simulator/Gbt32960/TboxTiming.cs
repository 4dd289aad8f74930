namespace Equipment.Simulator.Gbt32960;

/// <summary>Reporting periods of the simulated T-Box, in simulated time.</summary>
public sealed record TboxTiming
{
    /// <summary>Real-time period while driving (the standard allows at most 30 s).</summary>
    public TimeSpan RealTimePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Real-time period while parked and charging; heartbeats keep the link alive in between.</summary>
    public TimeSpan ChargingPeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A heartbeat when nothing was sent for this long.</summary>
    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Around a level-3 fault: the samples this far before it are re-sent, and 1 s frames continue this far after it.</summary>
    public TimeSpan FaultWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Period inside the fault window.</summary>
    public TimeSpan FaultPeriod { get; init; } = TimeSpan.FromSeconds(1);
}
