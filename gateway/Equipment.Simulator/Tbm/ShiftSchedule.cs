namespace Equipment.Simulator.Tbm;

/// <summary>
/// Three 8-hour shifts (site time; UTC unless a zone is given): a 3-hour maintenance stop from 06:00 and 30-minute
/// handovers at 14:00 and 22:00. Cutters are inspected at the start of every stop, as crews do when the head is still.
/// </summary>
public static class ShiftSchedule
{
    public static readonly TimeSpan MaintenanceStart = TimeSpan.FromHours(6);
    public static readonly TimeSpan MaintenanceLength = TimeSpan.FromHours(3);
    public static readonly TimeSpan HandoverLength = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan[] Handovers = [TimeSpan.FromHours(14), TimeSpan.FromHours(22)];

    /// <summary>The start of the stop <paramref name="timeUtc"/> falls in, or null while boring is allowed.</summary>
    /// <summary>The start (UTC) of the stop <paramref name="timeUtc"/> falls in on the site's local shift plan.</summary>
    public static DateTime? StopStartAt(DateTime timeUtc, TimeZoneInfo site)
    {
        if (site == TimeZoneInfo.Utc) return StopStartAt(timeUtc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc), site);
        return StopStartAt(DateTime.SpecifyKind(local, DateTimeKind.Utc)) is { } localStart
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), site)
            : null;
    }

    public static DateTime? StopStartAt(DateTime timeUtc)
    {
        var day = timeUtc.Date;
        var timeOfDay = timeUtc.TimeOfDay;
        if (timeOfDay >= MaintenanceStart && timeOfDay < MaintenanceStart + MaintenanceLength)
        {
            return day + MaintenanceStart;
        }

        foreach (var handover in Handovers)
        {
            if (timeOfDay >= handover && timeOfDay < handover + HandoverLength)
            {
                return day + handover;
            }
        }

        return null;
    }

    public static bool IsMaintenance(DateTime timeUtc) => StopStartAt(timeUtc) == timeUtc.Date + MaintenanceStart;
}
