using Equipment.Grains.Influx;
using Equipment.Grains.Metrics;
using Equipment.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Text;

namespace Equipment.Tests.Grains;

/// <summary>The writer against a real influxd, including one killed and restarted under it.</summary>
public sealed class InfluxBatchWriterTests : IAsyncLifetime
{
    private const string Database = "writer_test";
    private InfluxDbServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync() => await _influx.DisposeAsync();

    [Fact]
    public async Task WriteAsync_ManySmallWrites_CoalescesIntoFewBatchesAndStoresAll()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 1000, FlushIntervalMs = 200 });

        var writes = Enumerable.Range(0, 500).Select(i => writer.Writer.WriteAsync(Lines("coalesce", i * 10, 10), 10)).ToArray();
        await Task.WhenAll(writes);

        (await _influx.CountAsync(Database, "tbm", "rpm")).Should().Be(5000);
        writer.Writer.Metrics.Totals.Sum("equipment.influx.points").Should().Be(5000);
        writer.Writer.Metrics.Totals.Count("equipment.influx.batch.points").Should().BeLessThanOrEqualTo(10, "500 writes of 10 lines fill 1,000-line batches");
    }

    [Fact]
    public async Task WriteAsync_FewLines_FlushedAfterInterval()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 5000, FlushIntervalMs = 30 });

        await writer.Writer.WriteAsync(Lines("interval", 0, 3), 3).WaitAsync(TimeSpan.FromSeconds(10));

        (await _influx.CountAsync(Database, "tbm", "rpm")).Should().Be(3);
    }

    [Fact]
    public async Task WriteAsync_InfluxKilled_FaultsAtOnceInsteadOfRetryingOrClaimingStored()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 100, FlushIntervalMs = 20, RequestTimeoutSeconds = 30, BreakSeconds = 1 });
        await writer.Writer.WriteAsync(Lines("outage", 0, 100), 100);

        _influx.Kill();
        var pending = Enumerable.Range(1, 20).Select(i => writer.Writer.WriteAsync(Lines("outage", i * 100, 100), 100)).ToArray();

        // Well within the 30 s timeout: a refused connection fails the write, and the caller (the spool) retries.
        var all = Task.WhenAll(pending);
        await ((Func<Task>)(() => all.WaitAsync(TimeSpan.FromSeconds(20)))).Should().ThrowAsync<Exception>();
        pending.Should().OnlyContain(t => t.IsFaulted, "nothing is reported stored while InfluxDB is down");
        writer.Writer.Metrics.Totals.Sum("equipment.influx.batches.failed").Should().BePositive();
        writer.Writer.Metrics.Totals.Sum("equipment.influx.points").Should().Be(100);
    }

    [Fact]
    public async Task WriteAsync_InfluxRestartedAfterFailure_StoresTheWriteSentAgain()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 100, FlushIntervalMs = 20, RequestTimeoutSeconds = 2, BreakSeconds = 1 });
        _influx.Kill();
        var failed = () => writer.Writer.WriteAsync(Lines("again", 0, 100), 100).WaitAsync(TimeSpan.FromSeconds(30));
        await failed.Should().ThrowAsync<Exception>();

        await _influx.StartAsync(TimeSpan.FromSeconds(30));
        await WriteUntilStored(writer.Writer, Lines("again", 0, 100), 100);

        (await _influx.CountAsync(Database, "tbm", "rpm")).Should().Be(100);
    }

    /// <summary>What the spool deliverer does: send again until a write succeeds (the breaker may still be open at first).</summary>
    private static async Task WriteUntilStored(InfluxBatchWriter writer, byte[] lines, int points)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await writer.WriteAsync(lines, points).WaitAsync(TimeSpan.FromSeconds(30));
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<RunningWriter> StartWriter(InfluxOptions options)
    {
        options.Url = _influx.Url;
        options.Database = Database;
        var http = new HttpClient();
        var influx = new InfluxHttp(http, Options.Create(options));
        var writer = new InfluxBatchWriter(influx, NullLogger<InfluxBatchWriter>.Instance, TimeProvider.System, new SiloMetrics());
        await writer.StartAsync(CancellationToken.None);
        await influx.EnsureDatabaseAsync(CancellationToken.None);
        return new RunningWriter(writer, http);
    }

    private static byte[] Lines(string id, int first, int count)
    {
        var text = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            text.Append("tbm,id=").Append(id).Append(" rpm=").Append(i).Append(' ').Append(1_700_000_000_000_000_000L + (i * 1_000_000_000L)).Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private sealed record RunningWriter(InfluxBatchWriter Writer, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Writer.StopAsync(CancellationToken.None);
            Writer.Dispose();
            Writer.Metrics.Dispose();
            Http.Dispose();
        }
    }
}
