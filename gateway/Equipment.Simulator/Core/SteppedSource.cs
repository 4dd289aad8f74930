using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Core;

/// <summary>
/// Fixed-step integration: the sample times depend only on the start and the rate, never on how the
/// caller slices wall-clock time, so output is reproducible regardless of scheduling jitter.
/// </summary>
public abstract class SteppedSource : ITelemetrySource
{
    private readonly DateTime _start;
    private readonly long _stepTicks;
    private long _steps;

    protected SteppedSource(string id, DateTime startUtc, double rateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rateHz);
        Id = id;
        _start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        _stepTicks = Math.Max(1, (long)Math.Round(TimeSpan.TicksPerSecond / rateHz));
        StepSeconds = (double)_stepTicks / TimeSpan.TicksPerSecond;
    }

    public string Id { get; }

    public bool IsFinished => false;

    public double StepSeconds { get; }

    public DateTime NextSampleTime => _start.AddTicks(_steps * _stepTicks);

    public void AdvanceTo(DateTime simulatedTimeUtc, List<PointData> sink)
    {
        while (NextSampleTime <= simulatedTimeUtc)
        {
            Step(NextSampleTime, StepSeconds, sink);
            _steps++;
        }
    }

    protected abstract void Step(DateTime timeUtc, double dtSeconds, List<PointData> sink);
}
