using System.Globalization;

namespace Equipment.Benchmarks;

/// <summary>The figures of one load run, printed as its last line; <see cref="Median"/> combines several runs.</summary>
public sealed record RunSummary(string Scenario, double E2ePointsPerSecond, double RawPointsPerSecond, double Ratio, double AckP50Ms, double AckP99Ms, double DeliveryLagP99S, double PlatformCpuMicrosPerPoint)
{
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: e2e {1:F0} points/s, raw {2:F0} points/s, ratio {3:F2}, ack p50 {4:F1} ms p99 {5:F1} ms, delivery lag p99 {6:F3} s, platform CPU {7:F2} µs/point",
        Scenario, E2ePointsPerSecond, RawPointsPerSecond, Ratio, AckP50Ms, AckP99Ms, DeliveryLagP99S, PlatformCpuMicrosPerPoint);

    /// <summary>Each figure's median over the runs (figures taken separately, so the line may mix runs).</summary>
    public static RunSummary Median(IReadOnlyList<RunSummary> runs)
    {
        double M(Func<RunSummary, double> f)
        {
            var v = runs.Select(f).Order().ToArray();
            return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
        }

        return new RunSummary(
            $"{runs[0].Scenario} (median of {runs.Count})",
            M(r => r.E2ePointsPerSecond), M(r => r.RawPointsPerSecond), M(r => r.Ratio), M(r => r.AckP50Ms), M(r => r.AckP99Ms), M(r => r.DeliveryLagP99S), M(r => r.PlatformCpuMicrosPerPoint));
    }
}
