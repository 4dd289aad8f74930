using System.Diagnostics.Metrics;
using Equipment.Contracts.Metrics;

namespace Equipment.Grains.Metrics;

/// <summary>
/// The silo's instruments (meter <c>Equipment.Silo</c>), exported by OpenTelemetry at <c>/metrics</c> and
/// summed in <see cref="Totals"/> for logs and tests.
/// </summary>
public sealed class SiloMetrics : IDisposable
{
    public const string MeterName = "Equipment.Silo";

    private readonly Meter _meter;

    public SiloMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        InfluxWriteDuration = _meter.CreateHistogram<double>("equipment.influx.write.duration", "s", "Time of one InfluxDB write (one batch), failed ones included");
        InfluxBatchPoints = _meter.CreateHistogram<int>("equipment.influx.batch.points", "{point}", "Points per InfluxDB write");
        PointsWritten = _meter.CreateCounter<long>("equipment.influx.points", "{point}", "Points InfluxDB stored");
        BatchesFailed = _meter.CreateCounter<long>("equipment.influx.batches.failed", "{batch}", "InfluxDB writes that failed (the gateway's spool delivers them again)");
        BatchesRejected = _meter.CreateCounter<long>("equipment.influx.batches.rejected", "{batch}", "InfluxDB writes refused as bad data (400; valid lines are stored)");
        IngestCalls = _meter.CreateCounter<long>("equipment.ingest.calls", "{call}", "Telemetry batches received by twins");
        IngestPoints = _meter.CreateHistogram<int>("equipment.ingest.batch.points", "{point}", "Points per telemetry batch a twin receives");
        RedeliveredRecords = _meter.CreateCounter<long>("equipment.ingest.redelivered", "{record}", "Spooled records a twin had already applied (written to InfluxDB again, not applied again)");
        AlertsRaised = _meter.CreateCounter<long>("equipment.alerts.raised", "{alert}", "Alerts raised");
        Totals = new MetricTotals(_meter);
    }

    public Histogram<double> InfluxWriteDuration { get; }

    public Histogram<int> InfluxBatchPoints { get; }

    public Counter<long> PointsWritten { get; }

    public Counter<long> BatchesFailed { get; }

    public Counter<long> BatchesRejected { get; }

    public Counter<long> IngestCalls { get; }

    public Histogram<int> IngestPoints { get; }

    public Counter<long> RedeliveredRecords { get; }

    public Counter<long> AlertsRaised { get; }

    public MetricTotals Totals { get; }

    public void Dispose()
    {
        Totals.Dispose();
        _meter.Dispose();
    }
}
