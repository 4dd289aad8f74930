using System.Diagnostics;
using Equipment.Simulator.Sending;
using Equipment.Simulator.Tbm;
using Equipment.Simulator.Tests.Support;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Tests.Sending;

public class ResilientSenderTests
{
    private static List<PointData> SomePoints()
    {
        var tbm = new TbmSimulator("tbm-01", "gold-mine-1", TbmParameters.A, Simulate.Epoch, 1, new Random(1), 1200);
        return Simulate.Run(tbm, TimeSpan.FromSeconds(9));
    }

    private static (ResilientSender Sender, SendStatistics Stats, InfluxPointWriter Writer) Sender(string url)
    {
        var writer = new InfluxPointWriter(url, "X", "equipment", "equipment");
        var stats = new SendStatistics();
        return (new ResilientSender(writer, new RetryPolicy(new Random(1)), stats, _ => { }), stats, writer);
    }

    [Fact]
    public async Task SendAsync_GatewayAccepts_PostsLineProtocolToApiV2WriteWithToken()
    {
        using var server = new LoopbackHttpServer((204, null));
        var (sender, stats, writer) = Sender(server.Url);
        using var _ = writer;
        var points = SomePoints();

        var ok = await sender.SendAsync(points, CancellationToken.None);

        ok.Should().BeTrue();
        var request = server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/api/v2/write");
        request.Query.Should().Contain("org=equipment").And.Contain("bucket=equipment").And.Contain("precision=ms");
        request.Authorization.Should().Be("Token X");
        var lines = request.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(10);
        lines.Select(LineProtocolPoint.Parse).Should().OnlyContain(p => p.Measurement == "tbm" && p.Tags["id"] == "tbm-01");
        lines.Should().Equal(points.Select(p => p.ToLineProtocol()));
        (stats.PointsSent, stats.Requests, stats.Errors, stats.Retries).Should().Be((10L, 1L, 0L, 0L));
    }

    [Fact]
    public async Task SendAsync_GatewayOverloadedWithRetryAfter_WaitsAndRedelivers()
    {
        using var server = new LoopbackHttpServer((503, "1"), (429, "1"), (204, null));
        var (sender, stats, writer) = Sender(server.Url);
        using var _ = writer;
        var clock = Stopwatch.StartNew();

        var ok = await sender.SendAsync(SomePoints(), CancellationToken.None);

        ok.Should().BeTrue();
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.9), "Retry-After: 1 is honoured twice");
        server.Requests.Should().HaveCount(3);
        server.Requests.Select(r => r.Body).Distinct().Should().ContainSingle("the same batch is redelivered");
        (stats.PointsSent, stats.Requests, stats.Errors, stats.Retries, stats.PointsDropped).Should().Be((10L, 3L, 2L, 2L, 0L));
    }

    [Fact]
    public async Task SendAsync_GatewayRejectsBatch_DropsWithoutRetrying()
    {
        using var server = new LoopbackHttpServer((400, null));
        var (sender, stats, writer) = Sender(server.Url);
        using var _ = writer;

        var ok = await sender.SendAsync(SomePoints(), CancellationToken.None);

        ok.Should().BeFalse();
        server.Requests.Should().ContainSingle();
        (stats.PointsSent, stats.Errors, stats.Retries, stats.PointsDropped).Should().Be((0L, 1L, 0L, 10L));
    }

    [Fact]
    public void Backoff_Attempts_DoubleFromHalfASecondAndCapAtThirtySeconds()
    {
        var policy = new RetryPolicy(new Random(1));

        policy.Backoff(0).TotalSeconds.Should().BeInRange(0.4, 0.6);
        policy.Backoff(3).TotalSeconds.Should().BeInRange(3.2, 4.8);
        policy.Backoff(20).TotalSeconds.Should().BeInRange(24, 36);
    }
}
