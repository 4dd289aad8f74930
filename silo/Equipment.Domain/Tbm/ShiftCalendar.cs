namespace Equipment.Domain.Tbm;

/// <summary>
/// Shifts of <see cref="TbmParameters.ShiftLengthHours"/> starting at <see cref="TbmParameters.FirstShiftStartHour"/>
/// site time; the production day starts with the first shift. When the shift length does not divide 24 h, the last
/// shift of the day is cut short at the next day's first shift.
/// </summary>
public sealed class ShiftCalendar(TbmParameters parameters)
{
    private TimeSpan Offset => TimeSpan.FromHours(parameters.SiteUtcOffsetHours);
    private TimeSpan ShiftLength => TimeSpan.FromHours(parameters.ShiftLengthHours);

    public DateTimeOffset ProductionDayStart(DateTimeOffset t)
    {
        var local = t.ToOffset(Offset);
        var start = new DateTimeOffset(local.Date, Offset).AddHours(parameters.FirstShiftStartHour);
        return local < start ? start.AddDays(-1) : start;
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
        var nextDay = ProductionDayStart(t).AddDays(1);
        return end < nextDay ? end : nextDay;
    }
}
