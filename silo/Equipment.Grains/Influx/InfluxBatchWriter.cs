using System.Net;
using System.Threading.Channels;
using Equipment.Domain.TimeUse;
using Equipment.Grains.Influx.Backfill;
using Equipment.Telemetry.LineProtocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Equipment.Grains.Metrics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Equipment.Grains.Influx;

/// <summary>
/// Collects the lines of every grain in the silo into large InfluxDB writes: a batch is sealed at
/// <see cref="InfluxOptions.BatchLines"/> lines or <see cref="InfluxOptions.FlushIntervalMs"/> after its first
/// line, and a few writers send sealed batches concurrently through a circuit breaker and a timeout. A write
/// that fails is not retried here: its callers' tasks fault, the grain call fails, and the gateway's spool
/// deliverer (the platform's one retry layer) delivers the records again with backoff. Large writes are what
/// InfluxDB is fast at; many small ones cost it a WAL append each.
/// </summary>
public sealed class InfluxBatchWriter : BackgroundService, ITelemetryWriter
{
    private readonly InfluxHttp _influx;
    private readonly InfluxOptions _options;
    private readonly ILogger<InfluxBatchWriter> _logger;
    private readonly TimeProvider _time;
    private readonly LateLineTracker? _late;
    private readonly Channel<PendingBatch> _queue;
    private readonly ResiliencePipeline _pipeline;
    private readonly Lock _gate = new();
    private PendingBatch? _current;
    private long _failures;

    public InfluxBatchWriter(InfluxHttp influx, ILogger<InfluxBatchWriter> logger, TimeProvider time, SiloMetrics metrics, LateLineTracker? late = null)
    {
        Metrics = metrics;
        _late = influx.Options.BackfillRollups ? late : null;
        _influx = influx;
        _options = influx.Options;
        _logger = logger;
        _time = time;
        _queue = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(_options.MaxQueuedBatches)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = false,
        });
        _pipeline = BuildPipeline();
    }

    public SiloMetrics Metrics { get; }

    public async Task WriteAsync(ReadOnlyMemory<byte> lines, int points)
    {
        PendingBatch batch;
        PendingBatch? full = null;
        lock (_gate)
        {
            batch = _current ??= new PendingBatch(_time.GetTimestamp());
            batch.Append(lines.Span, points);
            if (batch.Points >= _options.BatchLines)
            {
                full = batch;
                _current = null;
            }
        }

        if (full is not null)
        {
            // Waiting here when every writer is busy holds the grain, the gateway and so the device back.
            await _queue.Writer.WriteAsync(full).ConfigureAwait(false);
        }

        await batch.Completion.ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.CreateDatabase)
        {
            await EnsureDatabaseAsync(stoppingToken).ConfigureAwait(false);
        }

        var senders = Enumerable.Range(0, _options.Writers).Select(_ => SendLoopAsync()).ToArray();
        var interval = TimeSpan.FromMilliseconds(Math.Max(1, _options.FlushIntervalMs / 4.0));
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushDueAsync(force: false).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        // On shutdown, everything accepted so far still goes out before the writers stop.
        await FlushDueAsync(force: true).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await Task.WhenAll(senders).ConfigureAwait(false);
    }

    private async Task FlushDueAsync(bool force)
    {
        PendingBatch? due = null;
        lock (_gate)
        {
            if (_current is not null && (force || _time.GetElapsedTime(_current.StartedTimestamp).TotalMilliseconds >= _options.FlushIntervalMs))
            {
                due = _current;
                _current = null;
            }
        }

        if (due is not null)
        {
            await _queue.Writer.WriteAsync(due).ConfigureAwait(false);
        }
    }

    private async Task SendLoopAsync()
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var started = _time.GetTimestamp();
            try
            {
                MarkLateSamples(batch);
                await _pipeline.ExecuteAsync(
                    static (state, ct) => new ValueTask(state.Influx.WriteAsync(state.Batch.Buffer.WrittenMemory, ct)),
                    (Influx: _influx, Batch: batch)).ConfigureAwait(false);
                Metrics.PointsWritten.Add(batch.Points);
                NoteLateLines(batch);
                batch.Complete();
            }
            catch (InfluxWriteException e) when (!e.Retryable)
            {
                // A 400 is InfluxDB refusing some lines as data (it stores the valid ones): delivering again cannot help.
                Metrics.BatchesRejected.Add(1);
                _logger.LogError("InfluxDB refused part of a batch of {Points} points: {Message}", batch.Points, e.Message);
                batch.Complete();
            }
            catch (Exception e)
            {
                Metrics.BatchesFailed.Add(1);
                if (e is InfluxWriteException { Status: HttpStatusCode.NotFound } && _options.CreateDatabase)
                {
                    // The database was dropped or InfluxDB restarted empty: make it again before the redelivery.
                    _ = _influx.EnsureDatabaseAsync(CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
                }

                // Rate-limited: during an outage every write fails the same way.
                if (Interlocked.Increment(ref _failures) % 20 == 1)
                {
                    _logger.LogWarning("InfluxDB write of {Points} points failed ({Message}); the gateway delivers them again", batch.Points, e.Message);
                }

                batch.Fail(e);
            }
            finally
            {
                Metrics.InfluxWriteDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
                Metrics.InfluxBatchPoints.Record(batch.Points);
            }
        }
    }

    /// <summary>Late <c>tbm</c> samples take their hour's <c>tbm_late</c> mark into the same write (stored day summaries).</summary>
    private void MarkLateSamples(PendingBatch batch)
    {
        var lateBeforeNs = LineProtocolWriter.ToNanoseconds(_time.GetUtcNow() - TimeUseDaySummaries.LateAfter);
        LateDataMarker.Append(batch.Buffer, lateBeforeNs, static () => Random.Shared.NextInt64(1, long.MaxValue));
    }

    /// <summary>Once stored, points older than the continuous queries' window are queued for <see cref="RollupBackfill"/>.</summary>
    private void NoteLateLines(PendingBatch batch)
    {
        if (_late is null)
        {
            return;
        }

        var lateBeforeNs = (_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100 - _options.BackfillAfterSeconds * 1_000_000_000L;
        _late.Note(batch.Buffer.WrittenMemory.Span, lateBeforeNs);
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _influx.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("InfluxDB database {Database} ready at {Url}", _options.Database, _options.Url);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning("InfluxDB at {Url} not ready ({Message}); retrying in {Delay}", _options.Url, e.Message, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>Timeout per write and a circuit breaker (so an InfluxDB that is down is not hammered); no retries.</summary>
    private ResiliencePipeline BuildPipeline() =>
        new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<InfluxWriteException>(e => e.Retryable),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(_options.BreakSeconds),
            })
            .AddTimeout(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds))
            .Build();
}
