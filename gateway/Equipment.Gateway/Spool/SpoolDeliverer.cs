using System.Threading.Channels;
using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Delivers spooled records to the grains in log order, several at a time, and moves the delivered position
/// only past a contiguous run of records whose grain calls completed (a grain call completes when InfluxDB
/// stored the lines). A record that fails is retried until it succeeds: nothing is ever skipped. After a
/// crash the records after the checkpoint are delivered again, which InfluxDB absorbs (same series and
/// timestamp overwrite).
/// </summary>
public sealed class SpoolDeliverer(WriteAheadSpool spool, IngestDispatcher dispatcher, IOptions<GatewayOptions> options, ILogger<SpoolDeliverer> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
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
    /// Sends every machine's batch of the record at once; only batches that failed are sent again. Records are
    /// read and sent in log order, and a grain applies calls as they arrive (Ingest interleaves while earlier
    /// lines wait for their flush), so a machine's samples reach its twin in accepted order except when a retry
    /// holds one back. Waiting for each machine's previous call to be stored would keep that order even then,
    /// but it serialises every machine on InfluxDB's flush latency (measured: a third less throughput).
    /// </summary>
    private Task DeliverAsync(SpoolEntry entry, CancellationToken ct)
    {
        if (entry.Batches.Count == 1)
        {
            return SendAsync(entry, entry.Batches[0], ct);
        }

        var calls = new Task[entry.Batches.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = SendAsync(entry, entry.Batches[i], ct);
        }

        return Task.WhenAll(calls);
    }

    private async Task SendAsync(SpoolEntry entry, EquipmentLines batch, CancellationToken ct)
    {
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
