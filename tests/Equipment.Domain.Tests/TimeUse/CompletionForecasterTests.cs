using Equipment.Domain.Tbm;
using Equipment.Domain.TimeUse;

namespace Equipment.Domain.Tests.TimeUse;

public class CompletionForecasterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Forecast_SevenDays_WorkedExample()
    {
        // Advances 18, 22, 20, 16, 24, 20, 20 m: pace 20 m/day; deviations −2, 2, 0, −4, 4, 0, 0 → s = √(40/6) = 2.5820 m/day.
        // 400 m to go: d = 400/20 = 20 days; δ = 2.5820·√20/20 = 0.57735 days.
        var f = CompletionForecaster.Forecast(2400, 2000, [18, 22, 20, 16, 24, 20, 20], Now);

        f.RemainingM.Should().Be(400);
        f.PaceMPerDay.Should().Be(20);
        f.PaceSdMPerDay.Should().BeApproximately(2.5819889, 1e-6);
        f.DaysToGo.Should().Be(20);
        f.SpreadDays.Should().BeApproximately(0.5773503, 1e-6);
        f.Date.Should().Be(Now.AddDays(20));
        f.Earliest.Should().Be(Now.AddDays(20 - f.SpreadDays!.Value));
        f.Latest.Should().Be(Now.AddDays(20 + f.SpreadDays!.Value));
    }

    [Fact]
    public void Forecast_NoAdvance_HasNoDate()
    {
        var f = CompletionForecaster.Forecast(2400, 2000, [0, 0, 0], Now);

        f.Date.Should().BeNull();
        f.RemainingM.Should().Be(400);
    }

    [Fact]
    public void Forecast_TargetPassed_IsNow()
    {
        CompletionForecaster.Forecast(1000, 1000.2, [20], Now).Date.Should().Be(Now);
    }

    [Fact]
    public void DailyAdvances_DriveStartedMidWeekWithPullBackAndSilentDay_WorkedExample()
    {
        // Production days start 06:00 UTC. Today (10 March) is not counted; 3–5 March precede the drive's first data.
        // 6 March: 0 → 10 m = 10. 7 March: → 30 m = 20. 8 March: silent = 0. 9 March: pulled back to 25 m, then 45 m
        // and 50 m at 03:00 on 10 March (still production day 9 March) = 20. The 60 m of today is left out.
        var points = new (DateTimeOffset, double)[]
        {
            (new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero), 0),
            (new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.Zero), 10),
            (new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero), 30),
            (new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), 25),
            (new DateTimeOffset(2026, 3, 9, 18, 0, 0, TimeSpan.Zero), 45),
            (new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero), 50),
            (new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), 60),
        };

        CompletionForecaster.DailyAdvances(new TbmParameters(), points, Now).Should().Equal(10, 20, 0, 20);
    }
}
