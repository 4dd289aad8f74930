using Equipment.Grains.Influx;
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
        writer.Writer.Statistics.Points.Should().Be(5000);
        writer.Writer.Statistics.Batches.Should().BeLessThanOrEqualTo(10, "500 writes of 10 lines fill 1,000-line batches");
    }

    [Fact]
    public async Task WriteAsync_FewLines_FlushedAfterInterval()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 5000, FlushIntervalMs = 30 });

        await writer.Writer.WriteAsync(Lines("interval", 0, 3), 3).WaitAsync(TimeSpan.FromSeconds(10));

        (await _influx.CountAsync(Database, "tbm", "rpm")).Should().Be(3);
    }

    [Fact]
    public async Task WriteAsync_InfluxKilledThenRestarted_CompletesAndStoresEveryPoint()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 100, FlushIntervalMs = 20, RetryDelayMs = 100, MaxRetryDelayMs = 500, MaxRetryAttempts = 100, RequestTimeoutSeconds = 2 });
        await writer.Writer.WriteAsync(Lines("outage", 0, 100), 100);

        _influx.Kill();
        var pending = Enumerable.Range(1, 20).Select(i => writer.Writer.WriteAsync(Lines("outage", i * 100, 100), 100)).ToArray();
        await Task.Delay(1500);
        pending.Should().OnlyContain(t => !t.IsCompleted, "nothing is reported stored while InfluxDB is down");

        await _influx.StartAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(60));

        (await _influx.CountAsync(Database, "tbm", "rpm")).Should().Be(2100);
        writer.Writer.Statistics.Retries.Should().BePositive();
    }

    [Fact]
    public async Task WriteAsync_InfluxDownPastRetryBudget_FaultsInsteadOfClaimingStored()
    {
        await using var writer = await StartWriter(new InfluxOptions { BatchLines = 10, FlushIntervalMs = 10, RetryDelayMs = 10, MaxRetryDelayMs = 20, MaxRetryAttempts = 2, RequestTimeoutSeconds = 1 });
        _influx.Kill();

        var write = () => writer.Writer.WriteAsync(Lines("budget", 0, 10), 10).WaitAsync(TimeSpan.FromSeconds(30));

        await write.Should().ThrowAsync<Exception>();
        writer.Writer.Statistics.FailedBatches.Should().Be(1);
    }

    private async Task<RunningWriter> StartWriter(InfluxOptions options)
    {
        options.Url = _influx.Url;
        options.Database = Database;
        var http = new HttpClient();
        var influx = new InfluxHttp(http, Options.Create(options));
        var writer = new InfluxBatchWriter(influx, NullLogger<InfluxBatchWriter>.Instance, TimeProvider.System);
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
            Http.Dispose();
        }
    }
}
