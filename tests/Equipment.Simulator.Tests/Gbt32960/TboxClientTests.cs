using System.Buffers.Binary;
using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Tests.Support;

namespace Equipment.Simulator.Tests.Gbt32960;

/// <summary>The T-Box's link behaviour against a real TCP server on loopback.</summary>
public class TboxClientTests
{
    private const string Iccid = "89860012345678901234";
    private static readonly DateTime Start = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string Vin = VinCode.For(42, "truck-02");

    private static TboxClient Client(FakeTboxServer server, TboxStatistics statistics, GbtEdition edition = GbtEdition.V2016, double retrySeconds = 0.3) =>
        new(Vin, Iccid, ["0SMPE3ABCDEFGHJKLMNPRSTU"], new TboxClientOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Edition = edition,
            ReplyTimeout = TimeSpan.FromSeconds(2),
            LoginRetryDelay = TimeSpan.FromSeconds(retrySeconds),
            LongRetryDelay = TimeSpan.FromHours(1),
        }, statistics, _ => { });

    private static TboxMessage RealTime(DateTime t, GbtEdition edition = GbtEdition.V2016) =>
        new(TboxMessageKind.RealTime, t, GbtEncoder.RealTime(edition, new GbtSnapshot { TimeUtc = t, SpeedKmh = 50, Latitude = 30, Longitude = 100 }));

    private static int Serial(GbtFrame f) => BinaryPrimitives.ReadUInt16BigEndian(f.Data.AsSpan(6, 2));

    private static async Task FinishAsync(TboxClient client, Task run)
    {
        client.Complete();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(GbtEdition.V2016)]
    [InlineData(GbtEdition.V2025)]
    public async Task RunAsync_LoginAnswered_SendsLoginFramesHeartbeatAndLogsOutAtTheEnd(GbtEdition edition)
    {
        await using var server = new FakeTboxServer();
        var statistics = new TboxStatistics();
        var client = Client(server, statistics, edition);
        client.Enqueue(RealTime(Start, edition));
        client.Enqueue(new TboxMessage(TboxMessageKind.Heartbeat, Start.AddSeconds(20), []));
        client.Enqueue(RealTime(Start.AddSeconds(30), edition));
        using var abort = new CancellationTokenSource();

        var run = client.RunAsync(abort.Token);
        await FinishAsync(client, run);

        var frames = server.Frames.Select(f => f.Frame).ToList();
        frames.Select(f => f.Command).Should().Equal(GbtCommand.Login, GbtCommand.Resent, GbtCommand.Heartbeat, GbtCommand.RealTime, GbtCommand.Logout);
        frames.Should().OnlyContain(f => f.Vin == Vin && f.Ack == GbtCommand.IsCommand && f.Edition == edition);
        var login = frames[0];
        GbtTime.FromBeijing(login.Data).Should().Be(Start.AddSeconds(30), "the login carries the T-Box's current (simulated) time");
        Serial(login).Should().Be(1);
        System.Text.Encoding.ASCII.GetString(login.Data, 8, 20).Should().Be(Iccid);
        GbtTime.FromBeijing(frames[1].Data).Should().Be(Start, "a frame produced before the login goes out as re-sent");
        Serial(frames[4]).Should().Be(1, "the logout repeats the login's serial");
        server.Frames.Select(f => f.Connection).Distinct().Should().ContainSingle();
        statistics.Logins.Should().Be(1);
        statistics.Heartbeats.Should().Be(1);
        statistics.Logouts.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_LoginNotAnswered_RetriesAfterTheDelayWithTheNextSerial()
    {
        await using var server = new FakeTboxServer { AnswerLogin = n => n > 1 };
        var statistics = new TboxStatistics();
        var client = Client(server, statistics, retrySeconds: 1);
        client.Enqueue(RealTime(Start));
        using var abort = new CancellationTokenSource();

        var run = client.RunAsync(abort.Token);
        var frames = await server.WaitForAsync(f => f.Any(x => x.Frame.Command == GbtCommand.RealTime), "a real-time frame after the second login");
        await FinishAsync(client, run);

        var logins = frames.Where(f => f.Frame.Command == GbtCommand.Login).ToList();
        logins.Should().HaveCount(2);
        logins.Select(f => f.Connection).Should().Equal(1, 2);
        logins.Select(f => Serial(f.Frame)).Should().Equal(1, 2);
        // Timers and the wall clock differ by a millisecond or so (CI once saw 999.8 ms): 50 ms of slack, still far from no wait.
        (logins[1].ReceivedUtc - logins[0].ReceivedUtc).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "a failed login waits for the retry delay");
        frames.Where(f => f.Connection == 1).Should().ContainSingle("nothing but the login goes out before it is answered");
        statistics.LoginFailures.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_ThreeLoginsUnanswered_WaitsTheLongDelayBeforeTheFourth()
    {
        await using var server = new FakeTboxServer { AnswerLogin = _ => false };
        var statistics = new TboxStatistics();
        var client = Client(server, statistics, retrySeconds: 0.1);
        client.Enqueue(RealTime(Start));
        using var abort = new CancellationTokenSource();

        var run = client.RunAsync(abort.Token);
        await server.WaitForAsync(f => f.Count(x => x.Frame.Command == GbtCommand.Login) >= 3, "three logins");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await abort.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        server.Frames.Select(f => f.Frame.Command).Should().Equal(GbtCommand.Login, GbtCommand.Login, GbtCommand.Login);
        statistics.LoginFailures.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_DayEnd_LogsOutAndLogsInAgainWithTheNewDaysFirstSerial()
    {
        await using var server = new FakeTboxServer();
        var statistics = new TboxStatistics();
        var client = Client(server, statistics);
        var beforeMidnight = new DateTime(2026, 12, 2, 15, 59, 50, DateTimeKind.Utc);
        client.Enqueue(RealTime(beforeMidnight));
        using var abort = new CancellationTokenSource();

        var run = client.RunAsync(abort.Token);
        await server.WaitForAsync(f => f.Any(x => x.Frame.Command == GbtCommand.RealTime), "the first real-time frame");
        client.Enqueue(new TboxMessage(TboxMessageKind.DayEnd, beforeMidnight.AddSeconds(9), []));
        client.Enqueue(RealTime(beforeMidnight.AddSeconds(10)));
        await server.WaitForAsync(f => f.Count(x => x.Frame.Command == GbtCommand.RealTime) == 2, "the new day's frame");
        await FinishAsync(client, run);

        var frames = server.Frames;
        frames.Select(f => (f.Connection, f.Frame.Command)).Should().Equal(
            (1, GbtCommand.Login), (1, GbtCommand.RealTime), (1, GbtCommand.Logout),
            (2, GbtCommand.Login), (2, GbtCommand.RealTime), (2, GbtCommand.Logout));
        GbtTime.FromBeijing(frames[2].Frame.Data).Should().Be(beforeMidnight.AddSeconds(9));
        Serial(frames[2].Frame).Should().Be(1);
        GbtTime.BeijingDate(GbtTime.FromBeijing(frames[3].Frame.Data)).Should().Be(new DateOnly(2026, 12, 3));
        Serial(frames[3].Frame).Should().Be(1, "serials restart every Beijing day");
    }

    [Fact]
    public async Task RunAsync_LinkDropped_ReconnectsAndSendsWhatWasProducedMeanwhileAsResent()
    {
        await using var server = new FakeTboxServer();
        var statistics = new TboxStatistics();
        var client = Client(server, statistics, retrySeconds: 1);
        client.Enqueue(RealTime(Start));
        using var abort = new CancellationTokenSource();

        var run = client.RunAsync(abort.Token);
        await server.WaitForAsync(f => f.Any(x => x.Frame.Command == GbtCommand.RealTime), "the first frame");
        server.DropConnections();
        await Task.Delay(300);
        client.Enqueue(RealTime(Start.AddSeconds(10)));
        client.Enqueue(RealTime(Start.AddSeconds(20)));
        await server.WaitForAsync(f => f.Count(x => x.Connection == 2 && x.Frame.Command is GbtCommand.RealTime or GbtCommand.Resent) == 2, "frames on the new connection");
        await FinishAsync(client, run);

        var second = server.Frames.Where(f => f.Connection == 2).Select(f => (f.Frame.Command, GbtTime.FromBeijing(f.Frame.Data))).ToList();
        second.Should().Equal(
            (GbtCommand.Login, Start.AddSeconds(20)),
            (GbtCommand.Resent, Start.AddSeconds(10)),
            (GbtCommand.RealTime, Start.AddSeconds(20)),
            (GbtCommand.Logout, Start.AddSeconds(20)));
        Serial(server.Frames.First(f => f.Connection == 2).Frame).Should().Be(2, "the second login of the day");
        statistics.ConnectionsLost.Should().Be(1);
    }
}
