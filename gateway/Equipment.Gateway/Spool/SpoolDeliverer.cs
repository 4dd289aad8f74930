using System.Threading.Channels;
using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.Schema;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Delivers spooled records to the grains in log order, several at a time (in order per machine), and moves the delivered position
/// only past a contiguous run of records whose grain calls completed (a grain call completes when InfluxDB
/// stored the lines). A record that fails is retried until it succeeds: nothing is ever skipped. After a
/// crash the records after the checkpoint are delivered again, which InfluxDB absorbs (same series and
/// timestamp overwrite).
/// </summary>
public sealed class SpoolDeliverer(WriteAheadSpool spool, IngestDispatcher dispatcher, IOptions<GatewayOptions> options, ILogger<SpoolDeliverer> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly Dictionary<(EquipmentKind Kind, string Id), Task> _lastByMachine = [];
    private long _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var window = Channel.CreateBounded<(SpoolEntry Entry, Task Delivery)>(new BoundedChannelOptions(options.Value.DeliveryConcurrency)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var completer = CompleteInOrderAsync(window.Reader, stoppingToken);
        var checkpoints = spool.RunCheckpointsAsync(stoppingToken);
        using var reader = spool.OpenReader();
        try
        {
            while (true)
            {
                await spool.WaitForDataAsync(reader.Position, stoppingToken);
                while (reader.TryRead(spool.DurableEnd) is { } entry)
                {
                    // Bounded: when DeliveryConcurrency records are in flight the reader waits, and the rest stays on disk.
                    await window.Writer.WriteAsync((entry, DeliverAsync(entry, stoppingToken)), stoppingToken);
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

    private async Task CompleteInOrderAsync(ChannelReader<(SpoolEntry Entry, Task Delivery)> window, CancellationToken ct)
    {
        try
        {
            while (await window.WaitToReadAsync(ct))
            {
                while (window.TryRead(out var item))
                {
                    spool.SetOldestUndelivered(item.Entry.ReceivedUnixMs);
                    await item.Delivery;
                    spool.MarkDelivered(item.Entry.End);
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

    /// <summary>
    /// Sends each machine's batch of the record, each after the same machine's batch of the records before it:
    /// a twin sees a device's samples in the order they were accepted even when a retry holds one back.
    /// Only batches that failed are sent again. Called from the reading loop only, so the map needs no lock.
    /// </summary>
    private Task DeliverAsync(SpoolEntry entry, CancellationToken ct)
    {
        if (_lastByMachine.Count > 16_384)
        {
            foreach (var done in _lastByMachine.Where(m => m.Value.IsCompleted).Select(m => m.Key).ToList())
            {
                _lastByMachine.Remove(done);
            }
        }

        var calls = new Task[entry.Batches.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            var batch = entry.Batches[i];
            var key = (batch.Kind, batch.Id);
            _lastByMachine.TryGetValue(key, out var previous);
            calls[i] = _lastByMachine[key] = SendInOrderAsync(entry, batch, previous, ct);
        }

        return calls.Length == 1 ? calls[0] : Task.WhenAll(calls);
    }

    private async Task SendInOrderAsync(SpoolEntry entry, EquipmentLines batch, Task? previous, CancellationToken ct)
    {
        if (previous is { IsCompleted: false })
        {
            // It only ends by success or by shutdown; on shutdown this one stops below as well.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var backoff = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await dispatcher.SendAsync(batch, ct);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Rate-limited: during an InfluxDB outage every call in flight fails the same way.
                if (Interlocked.Increment(ref _failures) % 20 == 1)
                {
                    logger.LogWarning("Delivery of {Points} spooled points of {Id} (record at {Position}) failed ({Message}); retrying", batch.Points, batch.Id, entry.Position, e.Message);
                }

                await Task.Delay(backoff, ct);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }
}
