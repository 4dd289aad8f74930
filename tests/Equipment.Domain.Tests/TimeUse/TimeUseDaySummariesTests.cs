using Equipment.Domain.TimeUse;
using static Equipment.Domain.Tests.TimeUse.TimeUseSamples;

namespace Equipment.Domain.Tests.TimeUse;

public class TimeUseDaySummariesTests
{
    // Production day 2 March 2026 in Shanghai (06:00 local): 1 March 22:00Z – 2 March 22:00Z; classified from 21:00Z.
    private static readonly DateTimeOffset From = new(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    private static StopReasonAssignment Assigned(DateTimeOffset stopStart, StopReason reason, int minutesLater = 30) =>
        new(stopStart, reason, "op", stopStart.AddMinutes(minutesLater), null);

    [Fact]
    public void Fingerprint_SameInputsInAnyOrder_Same()
    {
        StopReasonAssignment[] assignments = [Assigned(From.AddHours(3), StopReason.Haulage), Assigned(From.AddHours(5), StopReason.Breakdown)];
        LateDataMark[] marks = [new(From.AddHours(2), 7), new(From.AddHours(4), 9)];

        var a = TimeUseDaySummaries.Fingerprint(From, To, 600, assignments, marks);
        var b = TimeUseDaySummaries.Fingerprint(From, To, 600, assignments.Reverse(), marks.Reverse());

        b.Should().Be(a).And.HaveLength(32);
    }

    [Fact]
    public void Fingerprint_InputsOfTheClassifiedWindow_ChangeIt_OthersDoNot()
    {
        var baseline = TimeUseDaySummaries.Fingerprint(From, To, 600, [], []);

        // Inside: a mark of the look-back hour 21:00Z or of the last hour 21:00Z next day, a reassignment of a stop that
        // started in the look-back, a second assignment of the same stop, a new nonce for a marked hour, another regrip limit.
        TimeUseDaySummaries.Fingerprint(From, To, 600, [], [new(From.AddHours(-1), 1)]).Should().NotBe(baseline);
        TimeUseDaySummaries.Fingerprint(From, To, 600, [], [new(To.AddHours(-1), 1)]).Should().NotBe(baseline);
        TimeUseDaySummaries.Fingerprint(From, To, 600, [], [new(From.AddHours(3), 1)])
            .Should().NotBe(TimeUseDaySummaries.Fingerprint(From, To, 600, [], [new(From.AddHours(3), 2)]));
        var one = Assigned(From.AddMinutes(-30), StopReason.Maintenance);
        TimeUseDaySummaries.Fingerprint(From, To, 600, [one], []).Should().NotBe(baseline);
        TimeUseDaySummaries.Fingerprint(From, To, 600, [one, Assigned(one.StopStart, StopReason.Breakdown, 90)], [])
            .Should().NotBe(TimeUseDaySummaries.Fingerprint(From, To, 600, [one], []));
        TimeUseDaySummaries.Fingerprint(From, To, 900, [], []).Should().NotBe(baseline);

        // Outside: the hour before the look-back, the next day's first hour, a stop starting before the look-back or after the day.
        TimeUseDaySummaries.Fingerprint(From, To, 600, [Assigned(From.AddMinutes(-61), StopReason.Haulage), Assigned(To, StopReason.Haulage)],
            [new(From.AddHours(-2), 1), new(To, 1)]).Should().Be(baseline);
    }

    [Fact]
    public void HourOf_SiteOffsetTime_UtcHourStart()
    {
        // 05:45 in Kathmandu (+05:45) is 00:00Z; 06:10 there is 00:25Z → hour 00:00Z.
        TimeUseDaySummaries.HourOf(new DateTimeOffset(2026, 3, 2, 6, 10, 0, TimeSpan.FromMinutes(345)))
            .Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void CanStore_DayEnd_OnlyAfterSettling()
    {
        TimeUseDaySummaries.CanStore(To, To.AddMinutes(14).AddSeconds(59)).Should().BeFalse("a sample of the day's last minutes may still be on its way without a mark");
        TimeUseDaySummaries.CanStore(To, To.AddMinutes(15)).Should().BeTrue();
        TimeUseDaySummaries.SettleAfter.Should().BeGreaterThan(TimeUseDaySummaries.LateAfter);
    }

    /// <summary>
    /// Two days of 10 min each (short periods keep the example checkable): day 1 bores 300 s, stands 180 s between strokes
    /// (regrip), bores 120 s; day 2 bores 200 s, stands 400 s for haulage (code 3; the last sample covers 1 s as the
    /// period ends there). Stored without their stops and summed, they give the total of the classified days exactly.
    /// </summary>
    [Fact]
    public void Total_StoredDaysWithoutStops_SameAsClassifiedDays()
    {
        var classifier = new TimeUseClassifier(600);
        var d1 = From;
        var d2 = From.AddMinutes(10);
        var day1 = classifier.Classify([.. Run(d1, 300, true, 1), .. Run(d1.AddSeconds(300), 180, false, 1), .. Run(d1.AddSeconds(480), 120, true, 2)], d1, d2, []);
        var day2 = classifier.Classify([.. Run(d2, 200, true, 2), .. Run(d2.AddSeconds(200), 400, false, 2, reason: 3)], d2, d2.AddMinutes(10), []);
        var stored = new[] { day1, day2 }.Select(d => new TimeUseSummary(d.From, d.To, d.BoringS, d.RegripS, d.StandstillS, d.NoDataS,
            d.StandstillByReasonS.ToDictionary(kv => kv.Key, kv => kv.Value), [])).ToList();

        var total = TimeUseDaySummaries.Total(d1, d2.AddMinutes(10), [day1, day2]);

        // Boring 300 + 120 + 200 = 620 s, regrip 180 s, haulage 400 s, no data 0 s; 1,200 s in all.
        (total.BoringS, total.RegripS, total.StandstillS, total.NoDataS).Should().Be((620, 180, 400, 0));
        total.StandstillByReasonS.Should().Equal(new Dictionary<StopReason, double> { [StopReason.Haulage] = 400 });
        total.Utilisation.Should().BeApproximately(620.0 / 1200, 1e-12);
        TimeUseDaySummaries.Total(d1, d2.AddMinutes(10), stored).Should().BeEquivalentTo(total);
    }
}
