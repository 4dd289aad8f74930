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

    [Fact]
    public void ShiftStart_ChineseSiteWithIanaZone_UsesLocalShiftsNotUtc()
    {
        // Asia/Shanghai = UTC+8: the 06:00 local first shift starts at 22:00Z the evening before. 21:30Z on 1 March is
        // 05:30 local on 2 March → still production day 1 March (starting 06:00 local = 1 March 22:00Z minus a day),
        // night shift 22:00–06:00 local = 14:00Z–22:00Z.
        var calendar = new ShiftCalendar(new TbmParameters { SiteTimeZone = "Asia/Shanghai" });
        var t = new DateTimeOffset(2026, 3, 1, 21, 30, 0, TimeSpan.Zero);

        calendar.ProductionDayStart(t).Should().Be(new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero));
        calendar.ShiftStart(t).Should().Be(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero));
        calendar.ShiftEnd(t).Should().Be(new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NextDayStart_ZoneWithDaylightSaving_DayIs23HoursLongInSpring()
    {
        // Europe/Vienna springs forward on 29 March 2026 (02:00 → 03:00 local): day 06:00 CET (05:00Z) → 06:00 CEST (04:00Z).
        var calendar = new ShiftCalendar(new TbmParameters { SiteTimeZone = "Europe/Vienna" });
        var day = calendar.ProductionDayStart(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));

        day.Should().Be(new DateTimeOffset(2026, 3, 28, 5, 0, 0, TimeSpan.Zero));
        (calendar.NextDayStart(day) - day).Should().Be(TimeSpan.FromHours(23));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("UTC+8")]
    [InlineData("")]
    public void Validate_UnknownTimeZone_IsRefusedNamingIt(string zone)
    {
        new TbmParameters { SiteTimeZone = zone }.Validate().Should().ContainSingle().Which.Should().Contain("siteTimeZone");
    }
}
