namespace Equipment.Simulator.Running;

public sealed record RunSettings(
    DateTime SimulatedStartUtc,
    double Acceleration,
    double? DurationSeconds,
    int BatchSize,
    double SamplesPerSimulatedSecond)
{
    /// <summary>Grace period for pending points after a stop request.</summary>
    public TimeSpan FlushDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(100);
}
