using System.Threading.Channels;
using Equipment.Contracts.Messages;
using Equipment.Gateway.Ingest;
using Equipment.Gateway.Metrics;
using Equipment.Telemetry.Schema;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Delivers the spool to the grains at the rate of the data, not of the requests: it reads every record that is
/// waiting (up to <see cref="GatewayOptions.DeliveryBatchBytes"/>) and groups their lines per machine in log
/// order. <c>PerSilo</c> (default): the batch goes in a few calls to the silos' ingest worker, which hands each
/// machine's lines to its twin inside the cluster, one batch at a time; while it is in flight records pile up
/// and the next batch is larger, so batches grow with the load on their own. <c>PerMachine</c>: one grain call
/// per machine per batch, up to <see cref="GatewayOptions.DeliveryConcurrency"/> batches in flight, a machine's
/// call of one batch starting only after its call of the previous one completed. Either way a twin sees its
/// records in log order (which its applied-position check relies on).
/// The delivered position (and the durable checkpoint after it) moves past a batch once every call of it
/// completed, i.e. InfluxDB stored its lines.
/// <para>
/// This is the platform's only retry layer: a call that fails (silo dying, InfluxDB down) is sent again with
/// exponential backoff and jitter until it succeeds; nothing is skipped. A redelivered record reaches InfluxDB
/// again (same series and time overwrite) but not the twin, which remembers the spool position it applied.
/// </para>
/// </summary>
public sealed class SpoolDeliverer(
    WriteAheadSpool spool,
    IngestDispatcher dispatcher,
    GatewayMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<SpoolDeliverer> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly Dictionary<(EquipmentKind Kind, string Id), Task> _lastCalls = [];
    private long _failures;
    private long _batches;
    private Task _previousBatch = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var window = Channel.CreateBounded<(DeliveryBatch Batch, Task Delivery)>(new BoundedChannelOptions(options.Value.DeliveryConcurrency)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var completer = CompleteInOrderAsync(window.Reader, stoppingToken);
        var checkpoints = spool.RunCheckpointsAsync(stoppingToken);
        using var reader = spool.OpenReader();
        var perSilo = options.Value.DeliveryCalls == "PerSilo";
        try
        {
            while (true)
            {
                await spool.WaitForDataAsync(reader.Position, stoppingToken);
                while (Collect(reader) is { } batch)
                {
                    // Bounded: with DeliveryConcurrency batches in flight the reader waits, and the rest stays on disk.
                    var delivery = DeliverAsync(batch, stoppingToken);
                    await window.Writer.WriteAsync((batch, delivery), stoppingToken);
                    if (perSilo)
                    {
                        // One batch at a time: the next one takes everything that arrived meanwhile, so it grows with the load.
                        await delivery.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            window.Writer.TryComplete();
            await completer;
            await checkpoints;
        }
    }

    /// <summary>Every record fsynced so far, up to the byte budget; null when none is waiting.</summary>
    private DeliveryBatch? Collect(SpoolReader reader)
    {
        var budget = options.Value.DeliveryBatchBytes;
        DeliveryBatch? batch = null;
        while ((batch is null || batch.Bytes < budget) && reader.TryRead(spool.DurableEnd) is { } entry)
        {
            (batch ??= new DeliveryBatch()).Add(entry);
        }

        return batch;
    }

    private async Task CompleteInOrderAsync(ChannelReader<(DeliveryBatch Batch, Task Delivery)> window, CancellationToken ct)
    {
        try
        {
            while (await window.WaitToReadAsync(ct))
            {
                while (window.TryRead(out var item))
                {
                    spool.SetOldestUndelivered(item.Batch.ReceivedUnixMs[0]);
                    await item.Delivery;
                    spool.MarkDelivered(item.Batch.End);
                    var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                    foreach (var received in item.Batch.ReceivedUnixMs)
                    {
                        metrics.DeliveryLag.Record(Math.Max(0, now - received) / 1000.0);
                    }

                    if (!window.TryPeek(out _))
                    {
                        spool.SetOldestUndelivered(0);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Records in flight at shutdown stay after the checkpoint and are delivered after the restart.
        }
    }

    private Task DeliverAsync(DeliveryBatch batch, CancellationToken ct)
    {
        metrics.DeliveryBatchPoints.Record(batch.Points);
        metrics.DeliveryBatchRecords.Record(batch.Records);
        if (++_batches % 64 == 0)
        {
            foreach (var (key, call) in _lastCalls)
            {
                if (call.IsCompleted)
                {
                    _lastCalls.Remove(key);
                }
            }
        }

        if (options.Value.DeliveryCalls == "PerSilo")
        {
            return _previousBatch = DeliverPerSiloAsync(_previousBatch, batch, ct);
        }

        var calls = new Task[batch.Machines.Count];
        var i = 0;
        foreach (var (key, lines) in batch.Machines)
        {
            _lastCalls.TryGetValue(key, out var previous);
            var call = SendAfterAsync(previous, key, lines.ToBatch(spool.Id), batch.End, ct);
            _lastCalls[key] = call;
            calls[i++] = call;
        }

        return calls.Length == 1 ? calls[0] : Task.WhenAll(calls);
    }

    private async Task SendAfterAsync(Task? previous, (EquipmentKind Kind, string Id) machine, TelemetryBatch batch, long end, CancellationToken ct)
    {
        if (previous is { IsCompleted: false })
        {
            // It only ends by succeeding or by shutdown, which the check below notices.
            await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await SendWithRetryAsync(() => dispatcher.SendAsync(machine.Kind, machine.Id, batch), batch.Points, machine.Id, end, ct);
    }

    /// <summary>
    /// The batch in calls of up to MachinesPerCall machines to the silos' ingest worker, after the previous batch
    /// completed (a machine's records then reach its twin in log order; the reader collects the next batch meanwhile).
    /// </summary>
    private async Task DeliverPerSiloAsync(Task previous, DeliveryBatch batch, CancellationToken ct)
    {
        var machines = new MachineTelemetry[batch.Machines.Count];
        var i = 0;
        foreach (var ((kind, id), lines) in batch.Machines)
        {
            machines[i++] = new MachineTelemetry(id, kind == EquipmentKind.Tbm ? "tbm" : "truck", lines.ToBatch(spool.Id));
        }

        await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var size = options.Value.MachinesPerCall;
        await Task.WhenAll(machines.Chunk(size).Select(chunk => SendWithRetryAsync(() => dispatcher.SendAsync(chunk), chunk.Sum(m => m.Batch.Points), $"{chunk.Length} machines", batch.End, ct)));
    }

    private async Task SendWithRetryAsync(Func<Task> send, int points, string what, long end, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await send();
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                metrics.DeliveryRetries.Add(1);
                if (Interlocked.Increment(ref _failures) % 20 == 1)
                {
                    logger.LogWarning("Delivery of {Points} spooled points of {What} (records up to {Position}) failed ({Message}); retrying", points, what, end, e.Message);
                }

                await Task.Delay(Backoff(attempt++), time, ct);
            }
        }
    }

    /// <summary>Exponential from 200 ms to 5 s, each delay drawn from its upper half, so callers failing together do not retry together.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var cap = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromMilliseconds((cap / 2) + (Random.Shared.NextDouble() * cap / 2));
    }
}
