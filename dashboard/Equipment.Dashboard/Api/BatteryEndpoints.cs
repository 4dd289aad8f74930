using System.Globalization;
using System.Security.Claims;
using System.Text;
using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Dashboard.History;
using Equipment.Dashboard.Security;
using Equipment.Domain.Battery;
using Equipment.Domain.Truck;

namespace Equipment.Dashboard.Api;

/// <summary>
/// Battery health and energy: <c>GET /api/trucks/{id}/charging-sessions[?format=csv]</c> (the twin's recent sessions and
/// the older ones of <c>truck_charge</c>, a year at most),
/// <c>GET /api/trucks/{id}/battery-health</c> and <c>GET /api/fleets/{fleet}/energy[?format=csv]</c>.
/// </summary>
public static class BatteryEndpoints
{
    /// <summary>The energy table asks at most this many trucks' twins (one page of the directory per shard).</summary>
    public const int MaxFleetTrucks = 1000;

    public static WebApplication MapBatteryApi(this WebApplication app)
    {
        app.MapGet("/api/trucks/{id}/charging-sessions", async (string id, HttpRequest request, IGrainFactory grains, InfluxQueryClient influx, ILoggerFactory logs, CancellationToken ct) =>
        {
            if (await EquipmentEndpoints.FindAsync(grains, id) is not ITruckGrain truck)
            {
                return NotFound(id);
            }

            // The twin keeps the last few sessions (and the open one); older ones come from truck_charge.
            var recent = await truck.GetChargingSessions();
            var stored = await StoredSessionsAsync(influx, id, logs.CreateLogger(typeof(BatteryEndpoints)), ct);
            var sessions = stored.Where(s => recent.All(r => r.End != s.End && r.Start != s.Start)).Concat(recent).OrderBy(s => s.End).ToArray();
            return IsCsv(request) ? Csv(SessionsCsv(sessions), $"{id}-charging-sessions.csv") : Results.Ok(sessions);
        });

        app.MapGet("/api/trucks/{id}/battery-health", async (string id, IGrainFactory grains) =>
            await EquipmentEndpoints.FindAsync(grains, id) is ITruckGrain truck ? Results.Ok(await truck.GetBatteryHealth()) : NotFound(id));

        app.MapGet("/api/fleets/{fleet}/energy", async (string fleet, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time) =>
        {
            if (fleet.Length is 0 or > 100)
            {
                return Results.Json(new { code = "invalid", message = "fleet must be 1 to 100 characters" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var query = new EquipmentQuery("truck", fleet, null, null, null, MaxFleetTrucks, UserScope.Of(user)?.Items, time.GetUtcNow(), EquipmentView.StaleAfter);
            var pages = await Task.WhenAll(EquipmentShards.AllDirectories(grains).Select(d => d.Query(query)));
            var ids = pages.SelectMany(p => p.Items).Select(s => s.Id).OrderBy(i => i, StringComparer.Ordinal).Take(MaxFleetTrucks).ToList();
            var runs = await Task.WhenAll(ids.Select(async i => (i, (IReadOnlyList<AltitudeRun>)await grains.GetGrain<ITruckGrain>(i).GetRuns())));
            var table = FleetEnergyTable.Build(fleet, runs);
            return IsCsv(request) ? Csv(EnergyCsv(table), $"{fleet}-energy.csv") : Results.Ok(table);
        });

        return app;
    }

    /// <summary>The last <see cref="MaxStoredSessions"/> sessions of <c>truck_charge</c> within <see cref="StoredSessionsDays"/>; none when InfluxDB cannot answer (the twin's still show).</summary>
    private static async Task<List<ChargingSession>> StoredSessionsAsync(InfluxQueryClient influx, string id, ILogger log, CancellationToken ct)
    {
        var sessions = new List<ChargingSession>();
        try
        {
            var result = await influx.QueryAsync(
                $"SELECT * FROM truck_charge WHERE id = {InfluxQueryClient.Literal(id)} AND time > now() - {StoredSessionsDays}d ORDER BY time DESC LIMIT {MaxStoredSessions}", ct);
            if (!result.TryGetProperty("series", out var series))
            {
                return sessions;
            }

            var columns = series[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            foreach (var row in series[0].GetProperty("values").EnumerateArray())
            {
                var v = row.EnumerateArray().ToList();
                double? D(string name) => columns.IndexOf(name) is >= 0 and var i && v[i].ValueKind == System.Text.Json.JsonValueKind.Number ? v[i].GetDouble() : null;
                string? S(string name) => columns.IndexOf(name) is >= 0 and var i && v[i].ValueKind == System.Text.Json.JsonValueKind.String ? v[i].GetString() : null;
                var end = DateTimeOffset.FromUnixTimeMilliseconds(v[0].GetInt64());
                sessions.Add(new ChargingSession
                {
                    Start = end.AddSeconds(-(D("duration_s") ?? 0)),
                    End = end,
                    StartSocPct = D("start_soc_pct"),
                    EndSocPct = D("end_soc_pct"),
                    EnergyKwh = D("energy_kwh") ?? 0,
                    ChargeAh = D("charge_ah") ?? 0,
                    PeakPowerKw = D("peak_power_kw") ?? 0,
                    BatteryTempMinC = D("battery_temp_min_c"),
                    BatteryTempMaxC = D("battery_temp_max_c"),
                    GapS = D("gap_s") ?? 0,
                    CapacityAh = D("capacity_ah"),
                    SohPct = D("soh_pct"),
                    Excluded = S("excluded"),
                });
            }
        }
        catch (InfluxQueryException e)
        {
            log.LogWarning("charging sessions of {Id} from InfluxDB unavailable: {Message}", id, e.Message);
        }

        return sessions;
    }

    public const int StoredSessionsDays = 365;

    public const int MaxStoredSessions = 500;

    private static bool IsCsv(HttpRequest request) => string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase);

    private static IResult Csv(string text, string name) => Results.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", name);

    private static IResult NotFound(string id) => Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" });

    private static string SessionsCsv(IEnumerable<ChargingSession> sessions)
    {
        var b = new StringBuilder("start,end,start_soc_pct,end_soc_pct,energy_kwh,charge_ah,peak_power_kw,battery_temp_min_c,battery_temp_max_c,gap_s,capacity_ah,soh_pct,excluded\n");
        foreach (var s in sessions)
        {
            b.AppendJoin(',', Iso(s.Start), Iso(s.End), N(s.StartSocPct), N(s.EndSocPct), N(s.EnergyKwh), N(s.ChargeAh), N(s.PeakPowerKw),
                N(s.BatteryTempMinC), N(s.BatteryTempMaxC), N(s.GapS), N(s.CapacityAh), N(s.SohPct), Quote(s.Excluded)).Append('\n');
        }

        return b.ToString();
    }

    private static string EnergyCsv(FleetEnergy table)
    {
        var b = new StringBuilder("group,key,rank,runs,trucks,distance_km,ascent_m,net_energy_kwh,kwh_per_1000m_climb,kwh_per_100km\n");
        foreach (var (group, rows) in new[] { ("truck", table.ByTruck), ("leg", table.ByLeg) })
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                b.AppendJoin(',', group, Quote(r.Key), (i + 1).ToString(CultureInfo.InvariantCulture), r.Runs.ToString(CultureInfo.InvariantCulture),
                    r.Trucks.ToString(CultureInfo.InvariantCulture), N(r.DistanceKm), N(r.AscentM), N(r.NetEnergyKwh), N(r.KwhPer1000mClimb), N(r.KwhPer100Km)).Append('\n');
            }
        }

        return b.ToString();
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string N(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string? s) => s is null ? "" : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
