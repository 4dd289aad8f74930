using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Equipment.Contracts.Grains;
using Equipment.Dashboard.Api;
using Equipment.Dashboard.History;
using Equipment.Dashboard.Security;
using Equipment.Domain.Tbm;
using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>Shift report, completion forecast and operators' stop reasons (README, "Shift report and time use").</summary>
public static class ShiftReportEndpoints
{
    /// <summary>Longest note an operator may attach to a reason.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Longest range of <c>GET /api/tbm/{id}/time-use</c>, production days.</summary>
    public const int MaxTimeUseDays = 31;

    public static IHostApplicationBuilder AddShiftReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<TimeUseData>();
        builder.Services.AddTransient<TimeUseDays>();
        builder.Services.AddTransient<Strokes.StrokeHistory>();
        builder.Services.AddTransient<Runs.RunHistory>();
        return builder;
    }

    public static WebApplication MapShiftReportApi(this WebApplication app)
    {
        app.MapGet("/api/tbm/{id}/shifts/{date}/{shift}", async (string id, string date, string shift, HttpContext http, IGrainFactory grains, TimeUseData data, TimeProvider time) =>
        {
            if (await EquipmentEndpoints.FindAsync(grains, id) is not ITbmGrain tbm) return NotFound(id);
            var parameters = (await tbm.GetRegistration()).Tbm ?? new TbmParameters();
            var calendar = new ShiftCalendar(parameters);
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Invalid("date", $"date must be a production day as yyyy-MM-dd (was '{date}')");
            }

            if (!int.TryParse(shift, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > calendar.ShiftsPerDay)
            {
                return Invalid("shift", $"shift must be 1 to {calendar.ShiftsPerDay} ({parameters.ShiftLengthHours} h shifts from {parameters.FirstShiftStartHour}:00 site time; was '{shift}')");
            }

            var format = http.Request.Query["format"].ToString();
            if (format is not ("" or "json" or "csv")) return Invalid("format", $"format must be json or csv (was '{format}')");

            try
            {
                var (from, to) = calendar.ShiftBounds(day, number)!.Value;
                var ct = http.RequestAborted;
                var samplesTask = data.SamplesAsync(id, from - ShiftReportBuilder.LookBack, to, ct);
                var strokesTask = data.StrokesAsync(id, from, to, ct);
                var assignmentsTask = data.AssignmentsAsync(id, from - ShiftReportBuilder.LookBack, to, ct);
                var forecastTask = ForecastAsync(id, tbm, parameters, data, time.GetUtcNow(), ct);
                await Task.WhenAll(samplesTask, strokesTask, assignmentsTask, forecastTask);
                var report = ShiftReportBuilder.Build(parameters, day, number, samplesTask.Result, strokesTask.Result, assignmentsTask.Result)!;
                var view = ShiftReportView.Create(id, parameters.SiteTimeZone ?? $"UTC{parameters.SiteUtcOffsetHours:+0.##;-0.##;+0}", calendar.ShiftsPerDay, report, forecastTask.Result);
                return format == "csv"
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(view.ToCsv()), "text/csv; charset=utf-8", $"{id}-{view.Date}-shift{number}.csv")
                    : Results.Ok(view);
            }
            catch (InfluxQueryException e)
            {
                return Unavailable(e);
            }
        });

        app.MapGet("/api/tbm/{id}/time-use", async (string id, HttpContext http, IGrainFactory grains, TimeUseDays days) =>
        {
            if (await EquipmentEndpoints.FindAsync(grains, id) is not ITbmGrain tbm) return NotFound(id);
            var parameters = (await tbm.GetRegistration()).Tbm ?? new TbmParameters();
            var q = http.Request.Query;
            if (!DateOnly.TryParseExact(q["from"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return Invalid("from", $"from must be the first production day as yyyy-MM-dd (was '{q["from"]}')");
            }

            if (!DateOnly.TryParseExact(q["to"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) || last < first)
            {
                return Invalid("to", $"to must be the last production day as yyyy-MM-dd, not before from (was '{q["to"]}')");
            }

            if (last.DayNumber - first.DayNumber + 1 > MaxTimeUseDays)
            {
                return Invalid("to", $"at most {MaxTimeUseDays} days at a time");
            }

            try
            {
                return Results.Ok(await days.RangeAsync(id, parameters, first, last, http.RequestAborted));
            }
            catch (InfluxQueryException e)
            {
                return Unavailable(e);
            }
        });

        app.MapGet("/api/tbm/{id}/forecast", async (string id, HttpContext http, IGrainFactory grains, TimeUseData data, TimeProvider time) =>
        {
            if (await EquipmentEndpoints.FindAsync(grains, id) is not ITbmGrain tbm) return NotFound(id);
            var parameters = (await tbm.GetRegistration()).Tbm ?? new TbmParameters();
            if (parameters.TargetChainageM is null)
            {
                return Results.NotFound(new { code = "not found", message = $"'{id}' has no registered targetChainageM" });
            }

            try
            {
                return Results.Ok(await ForecastAsync(id, tbm, parameters, data, time.GetUtcNow(), http.RequestAborted) is { } f ? ForecastView.From(f) : null);
            }
            catch (InfluxQueryException e)
            {
                return Unavailable(e);
            }
        });

        app.MapPost("/api/tbm/{id}/stops/{start}/reason", async (string id, string start, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, TimeUseData data, TimeProvider time) =>
        {
            if (await EquipmentEndpoints.FindAsync(grains, id) is not ITbmGrain) return NotFound(id);
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stopStart))
            {
                return Invalid("start", $"start must be the stop's start as an ISO 8601 time (was '{start}')");
            }

            JsonElement body;
            try
            {
                body = (await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)).RootElement;
            }
            catch (JsonException e)
            {
                return Invalid("body", $"body must be JSON {{\"reason\": code, \"note\": \"…\"}}: {e.Message}");
            }

            var codes = string.Join(", ", StopReasons.Assignable.Select(r => $"{(int)r} {StopReasons.Name(r)}"));
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("reason", out var reasonElement)
                || reasonElement.ValueKind != JsonValueKind.Number || !reasonElement.TryGetInt64(out var code)
                || !StopReasons.TryAssignable(code, out var reason))
            {
                return Invalid("reason", $"reason must be one of the integer codes {codes}");
            }

            string? note = null;
            if (body.TryGetProperty("note", out var noteElement) && noteElement.ValueKind != JsonValueKind.Null)
            {
                if (noteElement.ValueKind != JsonValueKind.String || noteElement.GetString()!.Length > MaxNoteLength)
                {
                    return Invalid("note", $"note must be a string of at most {MaxNoteLength} characters");
                }

                note = noteElement.GetString();
            }

            try
            {
                // Only a stop's first non-boring sample names it; anything else would attach the reason to nothing.
                if (await data.BoringAtAsync(id, stopStart, http.RequestAborted) is not false)
                {
                    return Invalid("start", $"no stop of '{id}' starts at {stopStart.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} (use a stop's start from the shift report)");
                }

                var assignment = new StopReasonAssignment(stopStart, reason, user.Identity?.Name ?? "unknown", time.GetUtcNow(), note);
                await data.WriteAssignmentAsync(id, assignment, http.RequestAborted);
                return Results.Ok(new { start = stopStart, assignment = AssignmentView.From(assignment) });
            }
            catch (InfluxQueryException e)
            {
                return Unavailable(e);
            }
        }).RequireAuthorization(DashboardRoles.Operator);

        return app;
    }

    /// <summary>Null without a registered target chainage or without a known chainage.</summary>
    private static async Task<CompletionForecast?> ForecastAsync(string id, ITbmGrain tbm, TbmParameters parameters, TimeUseData data, DateTimeOffset now, CancellationToken ct)
    {
        if (parameters.TargetChainageM is not { } target) return null;
        var calendar = new ShiftCalendar(parameters);
        var from = calendar.ProductionDayStart(now).AddDays(-(CompletionForecaster.TrailingDays + 1));
        var points = await data.ChainageAsync(id, from, now, ct);
        var snapshot = await tbm.GetSnapshot();
        double? current = snapshot.Fields.TryGetValue("chainage_m", out var f) ? f.Number : null;
        if (points.Count > 0) current = Math.Max(current ?? double.MinValue, points.Max(p => p.ChainageM));
        if (current is null) return null;
        return CompletionForecaster.Forecast(target, current.Value, CompletionForecaster.DailyAdvances(parameters, points, now), now);
    }

    private static IResult Invalid(string field, string message) =>
        Results.Json(new { code = "invalid", field, message = $"{field}: {message}" }, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string id) => Results.NotFound(new { code = "not found", message = $"no TBM '{id}'" });

    private static IResult Unavailable(InfluxQueryException e) =>
        Results.Json(new { code = "unavailable", message = e.Message }, statusCode: StatusCodes.Status502BadGateway);
}
