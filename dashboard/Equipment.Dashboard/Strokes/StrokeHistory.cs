using System.Globalization;
using System.Text.Json;
using Equipment.Contracts.Grains;
using Equipment.Dashboard.History;
using Equipment.Dashboard.TimeUse;
using Equipment.Domain.Tbm;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Dashboard.Strokes;

/// <summary>
/// Every stroke of the drive: closed strokes from InfluxDB's <c>tbm_stroke</c> (one point per stroke, written by the
/// twin when it closes), in the order they closed, then whatever the twin holds that InfluxDB does not have yet and
/// the open stroke. The element shape is the twin's.
/// </summary>
public sealed class StrokeHistory(InfluxQueryClient influx)
{
    public async Task<StrokePage> ReadAsync(string id, ITbmGrain tbm, StrokeQuery query, CancellationToken ct)
    {
        var limit = query.Paged ? query.Limit ?? StrokeQuery.DefaultLimit : int.MaxValue;
        var where = new List<string> { $"\"id\"={InfluxQueryClient.Literal(id)}" };
        if (query.From is { } from) where.Add($"time >= {Ns(from)}");
        if (query.To is { } to) where.Add($"time < {Ns(to)}");
        if (query.CursorNs is { } cursor) where.Add($"time > {cursor.ToString(CultureInfo.InvariantCulture)}");
        if (query.FromChainageM is { } a) where.Add($"\"chainage_end_m\" >= {a.ToString("R", CultureInfo.InvariantCulture)}");
        if (query.ToChainageM is { } b) where.Add($"\"chainage_start_m\" <= {b.ToString("R", CultureInfo.InvariantCulture)}");
        var limitClause = limit == int.MaxValue ? "" : $" LIMIT {limit + 1}";

        // epoch=ms loses nothing here: the cursor is a stroke's ms time in ns, and strokes close seconds apart.
        var result = await influx.QueryAsync(
            $"SELECT * FROM \"tbm_stroke\" WHERE {string.Join(" AND ", where)} ORDER BY time ASC{limitClause}", ct);
        var stored = new List<(long TimeMs, StrokeSummary Stroke)>();
        foreach (var (columns, row) in TimeUseData.Rows(result))
        {
            stored.Add((row[0].GetInt64(), FromRow(columns, row)));
        }

        if (stored.Count > limit)
        {
            stored.RemoveRange(limit, stored.Count - limit);
            return new StrokePage(stored.Select(s => s.Stroke).ToList(), (stored[^1].TimeMs * 1_000_000).ToString(CultureInfo.InvariantCulture));
        }

        var items = stored.Select(s => s.Stroke).ToList();
        if (query.To is null)
        {
            // The last page: strokes the twin has that InfluxDB does not (yet), and the open one.
            var known = stored.TakeLast(StrokeTracker.DefaultMaxStrokes * 2).Select(s => s.Stroke.Stroke).ToHashSet();
            long? lastStored = stored.Count > 0 ? stored[^1].Stroke.Stroke : null;
            var fromStart = query.CursorNs is null && query.From is null;
            foreach (var s in await tbm.GetStrokes())
            {
                var missing = !known.Contains(s.Stroke) && (lastStored is { } ls ? s.Stroke > ls : fromStart);
                if (!s.Open && !missing) continue;
                if (query.FromChainageM is { } fm && (s.ChainageEndM ?? double.MaxValue) < fm) continue;
                if (query.ToChainageM is { } tm && (s.ChainageStartM ?? double.MinValue) > tm) continue;
                items.Add(s);
            }
        }

        return new StrokePage(items, null);
    }

    private static StrokeSummary FromRow(string[] columns, JsonElement[] row)
    {
        // The twin writes only finite numbers and leaves out the rest; JSON has no NaN, so a left-out aggregate reads 0.
        double D(string name) => Cell(columns, row, name) is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : 0;
        double? N(string name) => Cell(columns, row, name) is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : null;
        AdvanceClass C(string name) => Cell(columns, row, name) is { ValueKind: JsonValueKind.String } e && e.GetString() == "exceptional" ? AdvanceClass.Exceptional : AdvanceClass.Regular;
        return new StrokeSummary(
            (long)D("stroke"),
            N("chainage_start_m"),
            N("chainage_end_m"),
            (int)(N("samples") ?? 0),
            new StrokeAggregate(D("penetration_mm_rev_mean"), D("thrust_kn_mean"), D("torque_knm_mean"), D("rpm_mean"), D("torque_ratio_mean"), C("class")),
            new StrokeAggregate(D("penetration_mm_rev_median"), D("thrust_kn_median"), D("torque_knm_median"), D("rpm_median"), D("torque_ratio_median"), C("class_median")),
            false);
    }

    private static JsonElement Cell(string[] columns, JsonElement[] row, string name)
    {
        var i = Array.IndexOf(columns, name);
        return i >= 0 && i < row.Length ? row[i] : default;
    }

    private static string Ns(DateTimeOffset t) => LineProtocolWriter.ToNanoseconds(t).ToString(CultureInfo.InvariantCulture);
}
