using System.Globalization;
using System.Text;
using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>The answer of <c>GET /api/tbm/{id}/shifts/{date}/{shift}</c>.</summary>
public sealed record ShiftReportView(
    string Id,
    string Date,
    int Shift,
    int ShiftsPerDay,
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    double AdvanceM,
    double PlannedAdvanceM,
    double AdvanceOfPlan,
    double? ChainageStartM,
    double? ChainageEndM,
    int StrokesRegular,
    int StrokesExceptional,
    TimeUseView TimeUse,
    IReadOnlyList<StopView> LongestStops,
    ForecastView? Forecast)
{
    public static ShiftReportView Create(string id, string zone, int shiftsPerDay, ShiftReport r, CompletionForecast? forecast) => new(
        id, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Shift, shiftsPerDay, zone, r.From, r.To,
        Math.Round(r.AdvanceM, 3), Math.Round(r.PlannedAdvanceM, 3), Math.Round(r.AdvanceOfPlan, 4), r.ChainageStartM, r.ChainageEndM,
        r.StrokesRegular, r.StrokesExceptional, TimeUseView.From(r.TimeUse), r.LongestStops.Select(StopView.From).ToList(),
        forecast is null ? null : ForecastView.From(forecast));

    /// <summary>
    /// CSV for the shift meeting's spreadsheet: a <c>quantity,value,unit</c> block, an empty line, then the longest stops.
    /// </summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder();
        csv.Append("quantity,value,unit\n");
        void Row(string q, object? v, string unit) => csv.Append(q).Append(',').Append(Convert.ToString(v, c)).Append(',').Append(unit).Append('\n');
        Row("id", Id, "");
        Row("date", Date, "");
        Row("shift", Shift, "");
        Row("from", From.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", c), "UTC");
        Row("to", To.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", c), "UTC");
        Row("advance", AdvanceM, "m");
        Row("planned_advance", PlannedAdvanceM, "m");
        Row("chainage_start", ChainageStartM, "m");
        Row("chainage_end", ChainageEndM, "m");
        Row("strokes_regular", StrokesRegular, "");
        Row("strokes_exceptional", StrokesExceptional, "");
        Row("boring", TimeUse.BoringS, "s");
        Row("regrip", TimeUse.RegripS, "s");
        Row("standstill", TimeUse.StandstillS, "s");
        foreach (var (reason, seconds) in TimeUse.StandstillByReasonS) Row("standstill_" + reason, seconds, "s");
        Row("no_data", TimeUse.NoDataS, "s");
        Row("utilisation", TimeUse.Utilisation, "");
        if (Forecast is { } f)
        {
            Row("target_chainage", f.TargetChainageM, "m");
            Row("pace", f.PaceMPerDay, "m/day");
            Row("completion", f.Date?.UtcDateTime.ToString("yyyy-MM-dd", c), "UTC date");
            Row("completion_spread", f.SpreadDays, "days");
        }

        csv.Append('\n').Append("stop_start,stop_end,duration_s,reason,machine_reason,assigned_by\n");
        foreach (var s in LongestStops)
        {
            csv.Append(s.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", c)).Append(',')
                .Append(s.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", c)).Append(',')
                .Append(s.DurationS.ToString(c)).Append(',').Append(s.Reason).Append(',').Append(s.MachineReason).Append(',')
                .Append(Quote(s.AssignedBy)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string? v) =>
        v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
