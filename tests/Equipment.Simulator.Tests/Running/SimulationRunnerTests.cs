using Equipment.Simulator.Core;
using Equipment.Simulator.Running;
using Equipment.Simulator.Sending;
using Equipment.Simulator.Tests.Support;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Running;

public class SimulationRunnerTests
{
    private static List<ITelemetrySource> Sources(int seed) =>
    [
        .. SourceFactory.LiveTbms(2, seed, Simulate.Epoch, 1),
        .. SourceFactory.LiveTrucks(2, seed, Simulate.Epoch, 1, RouteProfile.Load(null)),
    ];

    private static (SimulationRunner Runner, CapturingWriter Writer) Runner(double accel, double? duration, int batch = 1000)
    {
        var writer = new CapturingWriter();
        var sender = new ResilientSender(writer, new RetryPolicy(new Random(1)), new SendStatistics(), _ => { });
        var settings = new RunSettings(Simulate.Epoch, accel, duration, batch, 4);
        return (new SimulationRunner(Sources(42), sender, settings, _ => { }), writer);
    }

    [Fact]
    public async Task RunAsync_OneSecondAt3600x_SendsExactlyTheSimulatedHour()
    {
        var (runner, writer) = Runner(accel: 3600, duration: 1);

        var summary = await runner.RunAsync(CancellationToken.None);

        // 0 s … 3,600 s inclusive at 1 Hz for four machines, plus one inspection of the 31 cutters of each TBM: 00:00 UTC is
        // 08:00 at the live TBMs' UTC+8 site, inside the 06:00–09:00 local maintenance stop (no cutter is worn out yet),
        // and one wear-sensor reading of the 31 cutters at 3,600 s, when the stop ends and the TBMs bore again.
        summary.PointsSent.Should().Be(4 * 3601 + 2 * 31 + 2 * 31);
        summary.PointsGenerated.Should().Be(summary.PointsSent);
        summary.PointsDropped.Should().Be(0);
        summary.Simulated.Should().Be(TimeSpan.FromHours(1));
        summary.Requests.Should().BeGreaterThanOrEqualTo(15, "batches hold at most 1,000 points");

        var direct = Sources(42).SelectMany(s => Simulate.Run(s, TimeSpan.FromHours(1))).Select(p => p.ToLineProtocol());
        writer.Lines.Order(StringComparer.Ordinal).Should().Equal(direct.Order(StringComparer.Ordinal), "the runner's slicing does not change the samples");
    }

    [Fact]
    public async Task RunAsync_StopRequested_FlushesPendingPointsAndReturnsSummary()
    {
        var (runner, writer) = Runner(accel: 60, duration: null);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));

        var summary = await runner.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(10));

        summary.PointsSent.Should().BeGreaterThan(4 * 20);
        summary.PointsSent.Should().Be(summary.PointsGenerated);
        writer.Lines.Should().HaveCount((int)summary.PointsSent);
        summary.PointsDropped.Should().Be(0);
        summary.ToString().Should().Contain("points sent").And.Contain("0 errors");
    }

    [Fact]
    public async Task RunAsync_GatewayDownAtEnd_GivesUpAfterFlushDeadlineAndCountsDropped()
    {
        var stats = new SendStatistics();
        var sender = new ResilientSender(new FailingWriter(), new RetryPolicy(new Random(1)), stats, _ => { });
        var settings = new RunSettings(Simulate.Epoch, 1, 0.2, 1000, 4) { FlushDeadline = TimeSpan.FromSeconds(1) };
        var runner = new SimulationRunner(Sources(42), sender, settings, _ => { });

        var summary = await runner.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        summary.PointsSent.Should().Be(0);
        summary.PointsDropped.Should().Be(summary.PointsGenerated).And.BeGreaterThan(0);
        summary.Retries.Should().BeGreaterThan(0);
        summary.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
