using Equipment.Domain.Tbm;

namespace Equipment.Domain.Tests.Tbm;

public class ShiftCalendarTests
{
    [Fact]
    public void ShiftStart_BeforeFirstShiftLocal_BelongsToPreviousProductionDaysNightShift()
    {
        // Site UTC+1, shifts 06–14, 14–22, 22–06 local. 04:30Z = 05:30 local on 1 March → production day 28 Feb 06:00 local,
        // 23.5 h in → shift 2 (22:00 local = 21:00Z), ending 06:00 local = 05:00Z.
        var calendar = new ShiftCalendar(new TbmParameters { SiteUtcOffsetHours = 1 });
        var t = new DateTimeOffset(2026, 3, 1, 4, 30, 0, TimeSpan.Zero);

        calendar.ProductionDayStart(t).Should().Be(new DateTimeOffset(2026, 2, 28, 5, 0, 0, TimeSpan.Zero));
        calendar.ShiftStart(t).Should().Be(new DateTimeOffset(2026, 2, 28, 21, 0, 0, TimeSpan.Zero));
        calendar.ShiftEnd(t).Should().Be(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShiftEnd_ShiftLengthNotDividingDay_LastShiftIsCutAtNextDay()
    {
        // 10 h shifts from 06:00: 06–16, 16–02, 02–06 (cut). 03:00 is in the third shift.
        var calendar = new ShiftCalendar(new TbmParameters { ShiftLengthHours = 10 });
        var t = new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

        calendar.ShiftStart(t).Should().Be(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        calendar.ShiftEnd(t).Should().Be(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
    }
}
