using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Gateway.Metrics;
using Equipment.Telemetry.Schema;

namespace Equipment.Gateway.Ingest;

/// <summary>
/// Hands one machine's lines to its grain and times the call. No retries here: a call that fails (a silo dying,
/// InfluxDB down) fails at once, and the spool deliverer, the platform's one retry layer, sends it again.
/// </summary>
public sealed class IngestDispatcher(IGrainFactory grains, GatewayMetrics metrics, TimeProvider time)
{
    /// <summary>Many machines' batches in one call to a silo's ingest worker, which hands each to its twin.</summary>
    public async Task SendAsync(MachineTelemetry[] machines)
    {
        var started = time.GetTimestamp();
        try
        {
            await grains.GetGrain<IIngestGrain>(0).Ingest(machines);
        }
        finally
        {
            metrics.GrainCallDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        }
    }

    public async Task SendAsync(EquipmentKind kind, string id, TelemetryBatch batch)
    {
        var started = time.GetTimestamp();
        try
        {
            await EquipmentGrains.Get(grains, kind, id).Ingest(batch);
        }
        finally
        {
            metrics.GrainCallDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        }
    }
}
