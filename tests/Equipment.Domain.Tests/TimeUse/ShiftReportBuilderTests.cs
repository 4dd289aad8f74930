using Equipment.Domain.Tbm;
using Equipment.Domain.TimeUse;
using static Equipment.Domain.Tests.TimeUse.TimeUseSamples;

namespace Equipment.Domain.Tests.TimeUse;

public class ShiftReportBuilderTests
{
    [Fact]
    public void Build_ChineseSiteFirstShift_WorkedExample()
    {
        // Asia/Shanghai (UTC+8), shifts of 8 h from 06:00 local: shift 1 of 2 March = 1 March 22:00Z – 2 March 06:00Z.
        var parameters = new TbmParameters { SiteTimeZone = "Asia/Shanghai", AdvanceTargetMPerDay = 18 };
        var from = new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);

        // Before the shift the machine reached 100.0 m and was pulled back to 99.5 m (a cutter change).
        var samples = new List<TimeUseSample>
        {
            new(from.AddMinutes(-30), false, 10, 100.0, 1),
            new(from.AddMinutes(-1), false, 10, 99.5, 1),
        };

        // 12 stops of 60, 120, … 720 s between 13 boring stretches; chainage climbs from 99.5 m to 105.5 m.
        var t = from;
        var chainage = 99.5;
        for (var k = 0; k < 13; k++)
        {
            samples.AddRange(Run(t, 600, true, 11 + k, chainageM: chainage, advancePerS: 0.5 / 600));
            t = t.AddSeconds(600);
            chainage += 0.5;
            if (k < 12)
            {
                samples.AddRange(Run(t, 60 * (k + 1), false, 11 + k, reason: 3, chainageM: chainage));
                t = t.AddSeconds(60 * (k + 1));
            }
        }

        var strokes = new[]
        {
            new StrokeMark(from.AddMinutes(-5), 10, AdvanceClass.Regular), // before the shift: not counted
            new StrokeMark(from.AddMinutes(10), 11, AdvanceClass.Regular),
            new StrokeMark(from.AddMinutes(40), 12, AdvanceClass.Exceptional),
            new StrokeMark(from.AddMinutes(41), 12, AdvanceClass.Exceptional), // written twice (redelivery): one stroke
            new StrokeMark(from.AddMinutes(70), 13, AdvanceClass.Regular),
        };

        var report = ShiftReportBuilder.Build(parameters, new DateOnly(2026, 3, 2), 1, samples, strokes, [])!;

        report.From.Should().Be(from);
        report.To.Should().Be(from.AddHours(8));
        // Plan: 18 m/day × 8 h / 24 h = 6 m. Advance: furthest 105.5 m (99.5 + 13 × 0.5, last sample 599/600 of the way)
        // minus the furthest before the shift, 100.0 m (not 99.5: pulled back, not advanced) = 5.4992 m.
        report.PlannedAdvanceM.Should().BeApproximately(6.0, 1e-9);
        report.AdvanceM.Should().BeApproximately(99.5 + 12 * 0.5 + 0.5 * 599 / 600 - 100.0, 1e-9);
        report.ChainageStartM.Should().Be(100.0);
        report.StrokesRegular.Should().Be(2);
        report.StrokesExceptional.Should().Be(1);
        // Boring 13 × 600 = 7,800 s; stops 60·(1+…+12) = 4,680 s; the rest of 28,800 s: the first 60 s of the last
        // boring sample's cover, then no data: 28,800 − 7,800 − 4,680 − 59 = 16,261 s.
        report.TimeUse.BoringS.Should().Be(7800 + 59);
        report.TimeUse.StandstillByReasonS[StopReason.Haulage].Should().Be(4680);
        report.TimeUse.NoDataS.Should().Be(28800 - 7859 - 4680);
        report.LongestStops.Should().HaveCount(10);
        report.LongestStops.Select(s => s.DurationS).Should().Equal(720, 660, 600, 540, 480, 420, 360, 300, 240, 180);
    }

    [Fact]
    public void Build_ShiftTheDayDoesNotHave_IsNull()
    {
        ShiftReportBuilder.Build(new TbmParameters(), new DateOnly(2026, 3, 2), 4, [], [], []).Should().BeNull();
        ShiftReportBuilder.Build(new TbmParameters(), new DateOnly(2026, 3, 2), 0, [], [], []).Should().BeNull();
    }

    [Fact]
    public void ShiftBounds_DaylightSavingDay_LastShiftIsShort()
    {
        // Europe/Vienna springs forward on 29 March 2026 at 02:00. Production day 28 March: 06:00 CET = 05:00Z to
        // 29 March 06:00 CEST = 04:00Z (23 h), so its night shift 22:00 CET = 21:00Z ends after 7 h.
        var calendar = new ShiftCalendar(new TbmParameters { SiteTimeZone = "Europe/Vienna" });

        calendar.ShiftBounds(new DateOnly(2026, 3, 28), 3).Should().Be((new DateTimeOffset(2026, 3, 28, 21, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.Zero)));
        calendar.ShiftOf(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.Zero)).Should().Be((new DateOnly(2026, 3, 28), 3));
    }
}
