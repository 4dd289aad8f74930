using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Equipment.Grains.Influx.Backfill;

/// <summary>
/// Recomputes the 1-minute and 1-hour rollups for hours that received late points (spool replay after an outage,
/// logger imports, re-sent frames), which the continuous queries never look at again. Runs a few ranges per tick so a
/// large back-fill does not crowd out live writes; a failed range is put back and tried on a later tick.
/// </summary>
public sealed class RollupBackfill(LateLineTracker tracker, InfluxHttp influx, TimeProvider time, ILogger<RollupBackfill> logger) : BackgroundService
{
    private readonly InfluxOptions _options = influx.Options;

    public long RangesDone { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.BackfillRollups)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.BackfillIntervalMs), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Recomputes up to <see cref="InfluxOptions.BackfillRangesPerTick"/> pending ranges; false when one failed.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var ranges = tracker.Take(_options.BackfillRangesPerTick, maxHoursPerRange: 24);
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            try
            {
                var nowNs = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
                foreach (var statement in RollupStatements.For(range, _options.Database, _options.RetentionPolicy, nowNs))
                {
                    await influx.QueryAsync(statement, cancellationToken).ConfigureAwait(false);
                }

                RangesDone++;
                logger.LogInformation("Rollups recomputed for {Measurement} {Ids} {From:O} – {To:O}", range.Measurement, string.Join(',', range.Ids),
                    DateTimeOffset.UnixEpoch.AddTicks(range.FromNs / 100), DateTimeOffset.UnixEpoch.AddTicks(range.ToNs / 100));
            }
            catch (InfluxWriteException e) when (e.Message.Contains("retention policy not found", StringComparison.Ordinal))
            {
                // No rollups installed (no dashboard ran against this database): nothing to keep up to date.
                logger.LogWarning("Rollup retention policies missing on {Database}; back-fill of {Measurement} skipped", _options.Database, range.Measurement);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Recomputing rollups for {Measurement} failed ({Message}); retrying later", range.Measurement, e.Message);
                foreach (var rest in ranges.Skip(i))
                {
                    tracker.Add(rest);
                }

                return false;
            }
        }

        return true;
    }
}
