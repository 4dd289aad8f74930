using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Telemetry.Ingest;
using Polly;
using Polly.Retry;

namespace Equipment.Gateway.Ingest;

/// <summary>
/// Hands a parsed request to the equipment grains: one call per machine, all in parallel, retried while a
/// silo is being replaced. Repeating a call is safe: every line carries its timestamp, and InfluxDB keys
/// points by series and time, so a second delivery overwrites the first.
/// </summary>
public sealed class IngestDispatcher
{
    private readonly IGrainFactory _grains;
    private readonly ResiliencePipeline _retry;
    private long _retries;

    public IngestDispatcher(IGrainFactory grains, ILogger<IngestDispatcher> logger)
    {
        _grains = grains;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                // Enough to outlast a killed silo being declared dead (~15 s), after which its grains move.
                MaxRetryAttempts = 10,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(4),
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    logger.LogWarning("Grain call failed ({Message}); retry {Attempt}", args.Outcome.Exception?.Message, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Grain calls retried since start (a silo died or moved grains); shown in /stats.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public Task DispatchAsync(IReadOnlyList<EquipmentLines> batches, CancellationToken ct)
    {
        if (batches.Count == 1)
        {
            return SendAsync(batches[0], ct);
        }

        var calls = new Task[batches.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = SendAsync(batches[i], ct);
        }

        return Task.WhenAll(calls);
    }

    /// <summary>One machine's lines to its grain, retried while a silo is being replaced.</summary>
    public Task SendAsync(EquipmentLines lines, CancellationToken ct) =>
        _retry.ExecuteAsync(
            static (state, _) => new ValueTask(EquipmentGrains.Get(state.grains, state.lines.Kind, state.lines.Id).Ingest(new TelemetryBatch(state.lines.Lines, state.lines.Points))),
            (grains: _grains, lines),
            ct).AsTask();
}
