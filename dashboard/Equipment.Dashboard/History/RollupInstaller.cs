using Microsoft.Extensions.Options;

namespace Equipment.Dashboard.History;

/// <summary>
/// Makes InfluxDB keep the 1-minute and 1-hour means the history API reads for long ranges: two retention policies
/// and two continuous queries over every numeric field of <c>tbm</c>, <c>truck</c> and <c>tbm_cutter</c>. The
/// statements are idempotent, so every dashboard process runs them at start; it retries until InfluxDB answers
/// without holding up the rest of the dashboard.
/// </summary>
public sealed class RollupInstaller(InfluxQueryClient influx, IOptions<InfluxQueryOptions> options, ILogger<RollupInstaller> logger)
    : BackgroundService
{
    private const string Source = "/^(tbm|truck|tbm_cutter)$/";

    public IEnumerable<string> Statements()
    {
        var db = InfluxQueryClient.Identifier(influx.Database);
        yield return $"CREATE DATABASE {db}";
        yield return $"CREATE RETENTION POLICY \"rollup_1m\" ON {db} DURATION 90d REPLICATION 1";
        yield return $"CREATE RETENTION POLICY \"rollup_1h\" ON {db} DURATION INF REPLICATION 1";

        // RESAMPLE FOR recomputes recent buckets, so points that arrive late (spooled by the gateway) still count.
        yield return $"CREATE CONTINUOUS QUERY \"cq_rollup_1m\" ON {db} RESAMPLE EVERY 1m FOR 5m BEGIN "
            + $"SELECT mean(*) INTO {db}.\"rollup_1m\".:MEASUREMENT FROM {Source} GROUP BY time(1m), * END";
        yield return $"CREATE CONTINUOUS QUERY \"cq_rollup_1h\" ON {db} RESAMPLE EVERY 10m FOR 2h BEGIN "
            + $"SELECT mean(*) INTO {db}.\"rollup_1h\".:MEASUREMENT FROM {Source} GROUP BY time(1h), * END";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CreateRollups)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var statement in Statements())
                {
                    await influx.QueryAsync(statement, stoppingToken);
                }

                logger.LogInformation("InfluxDB rollups (rollup_1m, rollup_1h) in place on {Database}", influx.Database);
                return;
            }
            catch (InfluxQueryException e)
            {
                logger.LogWarning("Creating InfluxDB rollups failed ({Message}); retrying in {Delay}", e.Message, delay);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
        }
    }
}
