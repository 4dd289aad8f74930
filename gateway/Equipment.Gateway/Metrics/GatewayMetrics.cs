using System.Diagnostics.Metrics;
using Equipment.Contracts.Metrics;
using Equipment.Gateway.Spool;

namespace Equipment.Gateway.Metrics;

/// <summary>
/// The gateway's instruments (meter <c>Equipment.Gateway</c>), exported by OpenTelemetry at <c>/metrics</c>;
/// <c>/stats</c> reads the same measurements through <see cref="Totals"/>.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Equipment.Gateway";

    public const string PointsName = "equipment.gateway.points";
    public const string RequestsName = "equipment.gateway.requests";
    public const string RefusedName = "equipment.gateway.requests.refused";
    public const string ThrottledName = "equipment.gateway.requests.throttled";
    public const string UnavailableName = "equipment.gateway.requests.unavailable";
    public const string DeliveryLagName = "equipment.gateway.delivery.lag";
    public const string DeliveryRetriesName = "equipment.gateway.delivery.retries";
    public const string DeliveryBatchPointsName = "equipment.gateway.delivery.batch.points";
    public const string DeliveryBatchRecordsName = "equipment.gateway.delivery.batch.records";
    public const string GrainCallDurationName = "equipment.gateway.grain_call.duration";

    private readonly Meter _meter;

    public GatewayMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        Points = _meter.CreateCounter<long>(PointsName, "{point}", "Points accepted (answered 204)");
        Requests = _meter.CreateCounter<long>(RequestsName, "{request}", "Write requests accepted (answered 204)");
        Refused = _meter.CreateCounter<long>(RefusedName, "{request}", "Write requests refused as invalid or forbidden (400, 403)");
        Throttled = _meter.CreateCounter<long>(ThrottledName, "{request}", "Write requests answered 429");
        Unavailable = _meter.CreateCounter<long>(UnavailableName, "{request}", "Write requests answered 503 (spool full or not writable)");
        DeliveryLag = _meter.CreateHistogram<double>(DeliveryLagName, "s", "From a record's 204 to its lines stored (twin applied, InfluxDB has them), per spooled record");
        DeliveryRetries = _meter.CreateCounter<long>(DeliveryRetriesName, "{call}", "Grain calls of the spool deliverer that failed and are sent again");
        DeliveryBatchPoints = _meter.CreateHistogram<int>(DeliveryBatchPointsName, "{point}", "Points per coalesced delivery batch");
        DeliveryBatchRecords = _meter.CreateHistogram<int>(DeliveryBatchRecordsName, "{record}", "Spooled records per coalesced delivery batch");
        GrainCallDuration = _meter.CreateHistogram<double>(GrainCallDurationName, "s", "One machine's ingest call, until InfluxDB stored its lines (failed calls included)");
        Gbt = new GbtInstruments(_meter);
        Totals = new MetricTotals(_meter);
    }

    public Counter<long> Points { get; }

    public Counter<long> Requests { get; }

    public Counter<long> Refused { get; }

    public Counter<long> Throttled { get; }

    public Counter<long> Unavailable { get; }

    public Histogram<double> DeliveryLag { get; }

    public Counter<long> DeliveryRetries { get; }

    public Histogram<int> DeliveryBatchPoints { get; }

    public Histogram<int> DeliveryBatchRecords { get; }

    public Histogram<double> GrainCallDuration { get; }

    public GbtInstruments Gbt { get; }

    public MetricTotals Totals { get; }

    /// <summary>Spool size and lag as gauges, read at each export.</summary>
    public void Observe(WriteAheadSpool spool)
    {
        _meter.CreateObservableGauge("equipment.gateway.spool.bytes", () => spool.PendingBytes, "By", "Accepted bytes not yet delivered");
        _meter.CreateObservableGauge("equipment.gateway.spool.lag", () => spool.Status().LagSeconds, "s", "Age of the oldest record not yet delivered");
    }

    public void Dispose()
    {
        Totals.Dispose();
        _meter.Dispose();
    }
}
