using Equipment.Domain.Tbm;

namespace Equipment.Domain.Tests.Tbm;

public class AdvancePaceTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PaceMPerDay_TenDaysAtTwelveThenSixMetresADay_IsTheTrailingWeek()
    {
        var pace = new AdvancePaceTracker();
        // Every 10 minutes for 10 days: 12 m/day for the first 3 days, 6 m/day after .
        var chainage = 1000.0;
        for (var minute = 0; minute <= 10 * 24 * 60; minute += 10)
        {
            pace.Apply(T0.AddMinutes(minute), chainage);
            chainage += minute < 3 * 24 * 60 ? 12.0 / 144 : 6.0 / 144;
        }

        // The window holds days 3 … 10 (the checkpoint at or before day 3, one per 6 h after): 7 days at 6 m/day.
        pace.PaceMPerDay.Should().BeApproximately(6.0, 0.05);
        pace.Span!.Value.TotalDays.Should().BeApproximately(7.0, 0.25 + 1e-9);
        pace.State.Points.Count.Should().BeLessThanOrEqualTo(7 * 4 + 2, "one checkpoint per 6 h");
        pace.State.FirstChainageM.Should().Be(1000);
    }

    [Fact]
    public void PaceMPerDay_LessThanAnHourOfData_IsNull()
    {
        var pace = new AdvancePaceTracker();
        pace.Apply(T0, 100);
        pace.Apply(T0.AddMinutes(30), 101);

        pace.PaceMPerDay.Should().BeNull();
    }

    [Fact]
    public void Apply_OlderSample_IsIgnored()
    {
        var pace = new AdvancePaceTracker();
        pace.Apply(T0, 100);
        pace.Apply(T0.AddHours(2), 110);
        pace.Apply(T0.AddHours(1), 90);

        // 10 m over 2 h = 120 m/day.
        pace.PaceMPerDay.Should().BeApproximately(120, 1e-9);
    }
}
