using System.Diagnostics;
using System.Threading.Channels;
using Equipment.Simulator.Core;
using Equipment.Simulator.Sending;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Running;

/// <summary>
/// Drives the simulated clock from the wall clock (× acceleration), collects the sources' points
/// into batches and hands them to the sender through a bounded channel: when the gateway pushes
/// back, generation waits rather than buffering without limit (the simulated clock then lags).
/// </summary>
public sealed class SimulationRunner(IReadOnlyList<ITelemetrySource> sources, ResilientSender sender, RunSettings settings, Action<string> log)
{
    private long _simulatedTicks = settings.SimulatedStartUtc.Ticks;
    private long _generated;

    public DateTime SimulatedNow => new(Interlocked.Read(ref _simulatedTicks), DateTimeKind.Utc);

    public async Task<RunSummary> RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var flush = new CancellationTokenSource();
        using var onStop = stop.Register(() => flush.CancelAfter(settings.FlushDeadline));
        var channel = Channel.CreateBounded<List<PointData>>(new BoundedChannelOptions(8)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var consumer = Task.Run(() => ConsumeAsync(channel.Reader, flush.Token), CancellationToken.None);

        try
        {
            await ProduceAsync(channel.Writer, clock, stop, flush.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (flush.IsCancellationRequested)
        {
        }
        finally
        {
            channel.Writer.TryComplete();

            // However the run ends, an unreachable gateway must not keep the process alive forever.
            flush.CancelAfter(settings.FlushDeadline);
        }

        await consumer.ConfigureAwait(false);
        var s = sender.Statistics;
        return new RunSummary(
            Interlocked.Read(ref _generated), s.PointsSent, s.Requests, s.Errors, s.Retries, s.PointsDropped,
            clock.Elapsed, SimulatedNow - settings.SimulatedStartUtc);
    }

    private async Task ProduceAsync(ChannelWriter<List<PointData>> writer, Stopwatch clock, CancellationToken stop, CancellationToken flush)
    {
        // Large accelerations are generated in slices of about one batch, so memory stays bounded.
        var sliceSeconds = Math.Max(1.0, settings.BatchSize / Math.Max(1e-9, settings.SamplesPerSimulatedSecond));
        var pending = new List<PointData>();
        var lastFlush = clock.Elapsed;
        var generatedUntil = settings.SimulatedStartUtc;

        while (true)
        {
            var elapsed = clock.Elapsed.TotalSeconds;
            var done = stop.IsCancellationRequested;
            if (settings.DurationSeconds is { } duration && elapsed >= duration)
            {
                elapsed = duration;
                done = true;
            }

            var target = settings.SimulatedStartUtc.AddSeconds(elapsed * settings.Acceleration);
            // After a stop request nothing new is generated: only what is pending gets flushed.
            while (generatedUntil < target && !stop.IsCancellationRequested)
            {
                generatedUntil = Min(target, generatedUntil.AddSeconds(sliceSeconds));
                foreach (var source in sources)
                {
                    source.AdvanceTo(generatedUntil, pending);
                }

                Interlocked.Exchange(ref _simulatedTicks, generatedUntil.Ticks);
                while (pending.Count >= settings.BatchSize)
                {
                    await WriteAsync(writer, pending.GetRange(0, settings.BatchSize), flush).ConfigureAwait(false);
                    pending.RemoveRange(0, settings.BatchSize);
                }
            }

            var allFinished = sources.Count > 0 && sources.All(s => s.IsFinished);
            if (pending.Count > 0 && (done || allFinished || clock.Elapsed - lastFlush >= TimeSpan.FromMilliseconds(250)))
            {
                await WriteAsync(writer, pending, flush).ConfigureAwait(false);
                pending = [];
                lastFlush = clock.Elapsed;
            }

            if (done || allFinished)
            {
                if (allFinished)
                {
                    log("replay finished");
                }

                return;
            }

            try
            {
                await Task.Delay(settings.Tick, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task WriteAsync(ChannelWriter<List<PointData>> writer, List<PointData> batch, CancellationToken flush)
    {
        Interlocked.Add(ref _generated, batch.Count);
        await writer.WriteAsync(batch, flush).ConfigureAwait(false);
    }

    private async Task ConsumeAsync(ChannelReader<List<PointData>> reader, CancellationToken flush)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (flush.IsCancellationRequested)
                {
                    sender.Statistics.RecordDropped(batch.Count);
                    continue;
                }

                try
                {
                    await sender.SendAsync(batch, flush).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Counted as dropped by the sender; keep draining so the producer can finish.
                }
            }
        }
        catch (Exception ex)
        {
            log($"sender stopped: {ex.Message}");
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
