using Equipment.Domain.TimeUse;

namespace Equipment.Domain.Tests.TimeUse;

/// <summary>Builds 1 Hz sample runs for the worked examples.</summary>
internal static class TimeUseSamples
{
    /// <summary>One sample a second in [start, start + seconds).</summary>
    public static IEnumerable<TimeUseSample> Run(DateTimeOffset start, int seconds, bool boring, long stroke, long? reason = null, double chainageM = 0, double advancePerS = 0) =>
        Enumerable.Range(0, seconds).Select(i => new TimeUseSample(start.AddSeconds(i), boring, stroke, chainageM + i * advancePerS, boring ? null : reason));
}
