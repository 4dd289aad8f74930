using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Equipment.Contracts.Metrics;

/// <summary>
/// Running totals of one meter's instruments, read by <c>/stats</c>, tests and logs, so they show the same
/// measurements OpenTelemetry exports: counters are summed over all tags, histograms keep count, sum and
/// log-spaced buckets (about 9 % wide) for quantiles.
/// </summary>
public sealed class MetricTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);

    public MetricTotals(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument, _totals.GetOrAdd(instrument.Name, _ => new Totals()));
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, _, state) => ((Totals)state!).Add(value));
        _listener.SetMeasurementEventCallback<int>(static (_, value, _, state) => ((Totals)state!).Add(value));
        _listener.SetMeasurementEventCallback<double>(static (_, value, _, state) => ((Totals)state!).Add(value));
        _listener.Start();
    }

    /// <summary>Sum of a counter's measurements (0 when nothing was measured yet).</summary>
    public long Sum(string instrument) => _totals.TryGetValue(instrument, out var t) ? (long)Math.Round(t.Total) : 0;

    /// <summary>How many measurements an instrument recorded.</summary>
    public long Count(string instrument) => _totals.TryGetValue(instrument, out var t) ? t.Measurements : 0;

    /// <summary>The <paramref name="q"/> quantile (0–1) of a histogram's measurements, within a bucket's width; 0 without any.</summary>
    public double Quantile(string instrument, double q) => _totals.TryGetValue(instrument, out var t) ? t.Quantile(q) : 0;

    public void Dispose() => _listener.Dispose();

    private sealed class Totals
    {
        // Buckets of 2^(1/8) ≈ 1.09 growth from 1e-6 upwards; bucket 0 holds everything smaller (and zero).
        private const int BucketCount = 400;
        private static readonly double Step = Math.Log(2) / 8;
        private readonly long[] _buckets = new long[BucketCount];
        private long _count;
        private double _total;
        private readonly Lock _gate = new();

        public long Measurements => Interlocked.Read(ref _count);

        public double Total
        {
            get
            {
                lock (_gate)
                {
                    return _total;
                }
            }
        }

        public void Add(double value)
        {
            var bucket = value <= 1e-6 ? 0 : Math.Min(BucketCount - 1, 1 + (int)(Math.Log(value / 1e-6) / Step));
            lock (_gate)
            {
                _total += value;
                _count++;
                _buckets[bucket]++;
            }
        }

        public double Quantile(double q)
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    return 0;
                }

                var rank = (long)Math.Ceiling(q * _count);
                long seen = 0;
                for (var i = 0; i < BucketCount; i++)
                {
                    seen += _buckets[i];
                    if (seen >= Math.Max(1, rank))
                    {
                        // The bucket's upper bound: a quantile is never reported lower than it was.
                        return i == 0 ? 1e-6 : 1e-6 * Math.Exp(i * Step);
                    }
                }

                return double.PositiveInfinity;
            }
        }
    }
}
