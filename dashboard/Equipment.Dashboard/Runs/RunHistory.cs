using System.Globalization;
using System.Text.Json;
using Equipment.Contracts.Grains;
using Equipment.Dashboard.History;
using Equipment.Dashboard.TimeUse;
using Equipment.Domain.Truck;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Dashboard.Runs;

/// <summary>
/// Every altitude run of a truck: closed runs from InfluxDB's <c>truck_run</c> (one point per run, written by the twin
/// when it closes, at its end), joined with the runs the twin holds (its last few closed and the open one) by
/// <see cref="RunPager"/>. The element shape is the twin's.
/// </summary>
public sealed class RunHistory(InfluxQueryClient influx)
{
    public async Task<RunPage> ReadAsync(string id, ITruckGrain truck, RunQuery query, CancellationToken ct)
    {
        var limit = query.Paged ? query.Limit ?? RunQuery.DefaultLimit : int.MaxValue;
        var where = new List<string> { $"\"id\"={InfluxQueryClient.Literal(id)}" };
        if (query.From is { } from) where.Add($"time >= {Ns(from)}");
        if (query.To is { } to) where.Add($"time < {Ns(to)}");
        if (query.CursorNs is { } cursor) where.Add($"time {(query.Descending ? "<" : ">")} {cursor.ToString(CultureInfo.InvariantCulture)}");
        // Trucks drive both ways: a run's span is between its start and end km, whichever is larger.
        if (query.FromRouteKm is { } a) where.Add($"(\"start_route_km\" >= {Km(a)} OR \"end_route_km\" >= {Km(a)})");
        if (query.ToRouteKm is { } b) where.Add($"(\"start_route_km\" <= {Km(b)} OR \"end_route_km\" <= {Km(b)})");
        var limitClause = limit == int.MaxValue ? "" : $" LIMIT {limit + 1}";

        // epoch=ns: the key must equal the twin's end to the tick, or a run would be answered twice at the boundary.
        var result = await influx.QueryAsync(
            $"SELECT * FROM \"truck_run\" WHERE {string.Join(" AND ", where)} ORDER BY time {(query.Descending ? "DESC" : "ASC")}{limitClause}", "ns", ct);
        var stored = new List<StoredRun>();
        foreach (var (columns, row) in TimeUseData.Rows(result))
        {
            var ns = row[0].GetInt64();
            stored.Add(new StoredRun(ns, FromRow(columns, row, ns)));
        }

        return RunPager.Page(stored, await truck.GetRuns(), query, limit);
    }

    /// <summary>
    /// A <c>truck_run</c> row as the twin's element. The twin writes only finite numbers and leaves out nulls; figures
    /// that are never null in the twin (and fields older versions did not write, like <c>auxiliary_kwh</c>) read 0.
    /// Points written before <c>start_ns</c> existed have no start: it reads null rather than a guess.
    /// </summary>
    public static AltitudeRun FromRow(string[] columns, JsonElement[] row, long timeNs)
    {
        JsonElement Cell(string name)
        {
            var i = Array.IndexOf(columns, name);
            return i >= 0 && i < row.Length ? row[i] : default;
        }

        double? N(string name) => Cell(name) is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : null;
        double D(string name) => N(name) ?? 0;
        long? L(string name) => Cell(name) is { ValueKind: JsonValueKind.Number } e ? (e.TryGetInt64(out var v) ? v : (long)e.GetDouble()) : null;
        string? S(string name) => Cell(name) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
        return new AltitudeRun
        {
            RunId = L("run_id") ?? 0,
            Start = L("start_ns") is { } start ? FromNs(start) : null,
            End = FromNs(timeNs),
            DistanceKm = D("distance_km"),
            AscentM = D("ascent_m"),
            DescentM = D("descent_m"),
            MaxAltitudeM = N("max_altitude_m"),
            EnergyKwh = D("energy_kwh"),
            RegenKwh = D("regen_kwh"),
            KwhPer100Km = N("kwh_per_100km"),
            KwhPer1000mClimb = N("kwh_per_1000m_climb"),
            MinSocPct = N("min_soc_pct"),
            BatteryTempMinC = N("battery_temp_min_c"),
            BatteryTempMaxC = N("battery_temp_max_c"),
            TimeAbove4000mS = D("time_above_4000m_s"),
            AuxiliaryKwh = D("auxiliary_kwh"),
            AltitudeSource = S("altitude_source"),
            StartRouteKm = N("start_route_km"),
            EndRouteKm = N("end_route_km"),
            Leg = S("leg"),
        };
    }

    private static DateTimeOffset FromNs(long ns) => DateTimeOffset.UnixEpoch.AddTicks(ns / 100);

    private static string Ns(DateTimeOffset t) => LineProtocolWriter.ToNanoseconds(t).ToString(CultureInfo.InvariantCulture);

    private static string Km(double km) => km.ToString("R", CultureInfo.InvariantCulture);
}
