using Equipment.Simulator.Gbt32960;

namespace Equipment.Simulator.Tests.Gbt32960;

public class TboxDeviceTests
{
    // 09:00:00 UTC = 17:00 Beijing.
    private static readonly DateTime Start = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private static GbtSnapshot At(DateTime t, byte level = 0, bool charging = false) => new()
    {
        TimeUtc = t,
        ChargingState = charging ? (byte)1 : (byte)3,
        SpeedKmh = 40,
        Latitude = 30,
        Longitude = 100,
        AlarmLevel = level,
    };

    private static List<TboxMessage> Feed(TboxDevice device, IEnumerable<GbtSnapshot> snapshots) =>
        snapshots.SelectMany(device.OnSample).ToList();

    [Fact]
    public void OnSample_DrivingAt1Hz_SendsARealTimeFrameEvery10Seconds()
    {
        var device = new TboxDevice(GbtEdition.V2016, new TboxTiming());

        var messages = Feed(device, Enumerable.Range(0, 61).Select(i => At(Start.AddSeconds(i))));

        messages.Should().OnlyContain(m => m.Kind == TboxMessageKind.RealTime);
        messages.Select(m => (m.TimeUtc - Start).TotalSeconds).Should().Equal(0, 10, 20, 30, 40, 50, 60);
        GbtTime.FromBeijing(messages[1].Data).Should().Be(Start.AddSeconds(10), "the frame carries its sample's time");
    }

    [Fact]
    public void OnSample_Level3Fault_ResendsTheGapsOfThe30sBeforeThenSendsEverySecondFor30s()
    {
        var device = new TboxDevice(GbtEdition.V2016, new TboxTiming());
        var fault = Start.AddSeconds(95);

        // The fault lasts 5 s (95–99); 1 s frames must still continue until 30 s after it began.
        var messages = Feed(device, Enumerable.Range(0, 181).Select(i =>
        {
            var t = Start.AddSeconds(i);
            return At(t, t >= fault && t < fault.AddSeconds(5) ? (byte)3 : (byte)0);
        }));

        var resent = messages.Where(m => m.Kind == TboxMessageKind.Resent).Select(m => (m.TimeUtc - Start).TotalSeconds).ToList();
        var realTime = messages.Where(m => m.Kind == TboxMessageKind.RealTime).Select(m => (m.TimeUtc - Start).TotalSeconds).ToList();

        // 65…94 is the window; 70, 80 and 90 were already sent as real-time frames.
        resent.Should().Equal(Enumerable.Range(65, 30).Where(s => s % 10 != 0).Select(s => (double)s));
        realTime.Where(s => s < 95).Should().Equal(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        realTime.Where(s => s is >= 95 and <= 125).Should().Equal(Enumerable.Range(95, 31).Select(s => (double)s));
        realTime.Where(s => s > 125).Should().Equal(135, 145, 155, 165, 175);
        messages.IndexOf(messages.First(m => m.Kind == TboxMessageKind.Resent))
            .Should().BeLessThan(messages.FindIndex(m => m.TimeUtc == fault), "the back-fill goes out before the fault's own frame");
    }

    [Fact]
    public void OnSample_ParkedCharging_ReportsEveryMinuteWithHeartbeatsBetween()
    {
        var device = new TboxDevice(GbtEdition.V2016, new TboxTiming());

        var messages = Feed(device, Enumerable.Range(0, 121).Select(i => At(Start.AddSeconds(i), charging: true)));

        messages.Select(m => (m.Kind, (m.TimeUtc - Start).TotalSeconds)).Should().Equal(
            (TboxMessageKind.RealTime, 0), (TboxMessageKind.Heartbeat, 20), (TboxMessageKind.Heartbeat, 40),
            (TboxMessageKind.RealTime, 60), (TboxMessageKind.Heartbeat, 80), (TboxMessageKind.Heartbeat, 100),
            (TboxMessageKind.RealTime, 120));
        messages.Where(m => m.Kind == TboxMessageKind.Heartbeat).Should().OnlyContain(m => m.Data.Length == 0);
    }

    [Fact]
    public void OnSample_BeijingMidnight_EndsTheDayAtTheLastSampleBeforeIt()
    {
        var device = new TboxDevice(GbtEdition.V2016, new TboxTiming());

        // 15:59:55 … 16:00:05 UTC crosses 00:00 Beijing time.
        var first = new DateTime(2026, 12, 2, 15, 59, 55, DateTimeKind.Utc);
        var messages = Feed(device, Enumerable.Range(0, 11).Select(i => At(first.AddSeconds(i))));

        var dayEnd = messages.Single(m => m.Kind == TboxMessageKind.DayEnd);
        dayEnd.TimeUtc.Should().Be(first.AddSeconds(4), "the logout carries the old day's last sample time");
        messages.IndexOf(dayEnd).Should().Be(1);
        messages[2].Kind.Should().Be(TboxMessageKind.RealTime);
        messages[2].TimeUtc.Should().Be(first.AddSeconds(5));
    }
}
