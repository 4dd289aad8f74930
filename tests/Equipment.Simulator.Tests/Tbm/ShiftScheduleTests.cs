using Equipment.Simulator.Tbm;

namespace Equipment.Simulator.Tests.Tbm;

public class ShiftScheduleTests
{
    [Theory]
    [InlineData("2026-01-01T06:00:00", "2026-01-01T06:00:00")]
    [InlineData("2026-01-01T08:59:59", "2026-01-01T06:00:00")]
    [InlineData("2026-01-01T14:10:00", "2026-01-01T14:00:00")]
    [InlineData("2026-01-01T22:29:59", "2026-01-01T22:00:00")]
    [InlineData("2026-01-01T09:00:00", null)]
    [InlineData("2026-01-01T22:30:00", null)]
    [InlineData("2026-01-01T02:00:00", null)]
    public void StopStartAt_TimeOfDay_ReturnsTheStopItFallsIn(string time, string? expected)
    {
        var t = DateTime.SpecifyKind(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var stop = ShiftSchedule.StopStartAt(t);

        stop.Should().Be(expected is null ? null : DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
    }
}
