namespace Equipment.Domain.Tbm;

/// <summary>
/// Shifts of <see cref="TbmParameters.ShiftLengthHours"/> starting at <see cref="TbmParameters.FirstShiftStartHour"/>
/// site time; the production day starts with the first shift. When the shift length does not divide 24 h, the last
/// shift of the day is cut short at the next day's first shift. Site time is <see cref="TbmParameters.SiteTimeZone"/>
/// (IANA, with its daylight saving) when registered, else the fixed <see cref="TbmParameters.SiteUtcOffsetHours"/>.
/// </summary>
public sealed class ShiftCalendar
{
    private readonly TbmParameters parameters;
    private readonly TimeZoneInfo zone;

    public ShiftCalendar(TbmParameters parameters)
    {
        this.parameters = parameters;
        zone = parameters.SiteTimeZone is { } id && SiteTimeZones.TryFind(id, out var found)
            ? found
            : TimeZoneInfo.CreateCustomTimeZone("site", TimeSpan.FromHours(parameters.SiteUtcOffsetHours), "site", "site");
    }

    private TimeSpan ShiftLength => TimeSpan.FromHours(parameters.ShiftLengthHours);

    public DateTimeOffset ProductionDayStart(DateTimeOffset t)
    {
        var local = TimeZoneInfo.ConvertTime(t, zone);
        var start = DayStart(local.Date);
        return t < start ? DayStart(local.Date.AddDays(-1)) : start;
    }

    public DateTimeOffset ShiftStart(DateTimeOffset t)
    {
        var day = ProductionDayStart(t);
        var k = Math.Floor((t - day) / ShiftLength);
        return day + ShiftLength * k;
    }

    public DateTimeOffset ShiftEnd(DateTimeOffset t)
    {
        var end = ShiftStart(t) + ShiftLength;
        var nextDay = NextDayStart(ProductionDayStart(t));
        return end < nextDay ? end : nextDay;
    }

    /// <summary>
    /// Start and end of shift <paramref name="shift"/> (1-based) of the production day that starts on the local date
    /// <paramref name="day"/>; null when the day has no such shift.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End)? ShiftBounds(DateOnly day, int shift)
    {
        if (shift < 1) return null;
        var dayStart = DayStart(day.ToDateTime(TimeOnly.MinValue));
        var start = dayStart + ShiftLength * (shift - 1);
        var nextDay = NextDayStart(dayStart);
        if (start >= nextDay) return null;
        var end = start + ShiftLength;
        return (start, end < nextDay ? end : nextDay);
    }

    /// <summary>Number of shifts in a production day (the last one may be cut short).</summary>
    public int ShiftsPerDay => (int)Math.Ceiling(24.0 / parameters.ShiftLengthHours - 1e-9);

    /// <summary>The local production date and 1-based shift number that contain <paramref name="t"/>.</summary>
    public (DateOnly Day, int Shift) ShiftOf(DateTimeOffset t)
    {
        var dayStart = ProductionDayStart(t);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dayStart, zone).Date);
        return (localDate, (int)Math.Floor((t - dayStart) / ShiftLength) + 1);
    }

    /// <summary>The next production day's start (23 or 25 h later across a daylight-saving change).</summary>
    public DateTimeOffset NextDayStart(DateTimeOffset dayStart)
    {
        var localDate = TimeZoneInfo.ConvertTime(dayStart, zone).Date;
        return DayStart(localDate.AddDays(1));
    }

    private DateTimeOffset DayStart(DateTime localDate)
    {
        var local = DateTime.SpecifyKind(localDate.AddHours(parameters.FirstShiftStartHour), DateTimeKind.Unspecified);

        // A start inside a spring-forward gap moves to the first valid local time after it.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
