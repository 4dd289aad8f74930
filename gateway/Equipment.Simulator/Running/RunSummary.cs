using System.Globalization;

namespace Equipment.Simulator.Running;

public sealed record RunSummary(
    long PointsGenerated, long PointsSent, long Requests, long Errors, long Retries, long PointsDropped, TimeSpan Elapsed, TimeSpan Simulated)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"summary: {PointsSent:N0} points sent of {PointsGenerated:N0} generated in {Requests:N0} requests; " +
        $"{Errors:N0} errors, {Retries:N0} retries, {PointsDropped:N0} points dropped; " +
        $"{Elapsed.TotalSeconds:F1} s elapsed, {Simulated.TotalHours:F3} h simulated");
}
