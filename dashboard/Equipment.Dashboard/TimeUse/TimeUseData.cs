using System.Globalization;
using System.Text.Json;
using Equipment.Dashboard.History;
using Equipment.Domain.Tbm;
using Equipment.Domain.TimeUse;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Dashboard.TimeUse;

/// <summary>
/// What time use reads from InfluxDB (raw <c>tbm</c> samples, closed strokes of <c>tbm_stroke</c>) and the
/// operators' stop-reason assignments, kept as points of <c>tbm_stop_reason</c> at the stop's start time, one series
/// per assignment (tag <c>at</c>), so no assignment ever overwrites another and the machine's reason stays in <c>tbm</c>.
/// </summary>
public sealed class TimeUseData(InfluxQueryClient influx)
{
    public const string AssignmentMeasurement = "tbm_stop_reason";

    /// <summary>Stored time use of closed production days (domain README, "Stored day summaries").</summary>
    public const string DaySummaryMeasurement = "tbm_timeuse_day";

    /// <summary>The silo's marks of hours that received late <c>tbm</c> samples.</summary>
    public const string LateMarkMeasurement = "tbm_late";

    /// <summary>Every reason has its field in each stored day (0 when none), so rewriting a day leaves no stale reason behind.</summary>
    private static readonly StopReason[] AllReasons = Enum.GetValues<StopReason>();

    public async Task<List<TimeUseSample>> SamplesAsync(string id, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"boring\",\"stroke\",\"chainage_m\",\"stop_reason\" FROM \"tbm\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND {Range(from, to)}", ct);
        var samples = new List<TimeUseSample>();
        foreach (var (columns, row) in Rows(result))
        {
            samples.Add(new TimeUseSample(
                DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()),
                Bool(Cell(columns, row, "boring")),
                Long(Cell(columns, row, "stroke")),
                Double(Cell(columns, row, "chainage_m")),
                Long(Cell(columns, row, "stop_reason"))));
        }

        return samples;
    }

    public async Task<List<StrokeMark>> StrokesAsync(string id, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"stroke\",\"class\" FROM \"tbm_stroke\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND {Range(from, to)}", ct);
        var strokes = new List<StrokeMark>();
        foreach (var (columns, row) in Rows(result))
        {
            if (Long(Cell(columns, row, "stroke")) is not { } stroke) continue;
            var cls = Cell(columns, row, "class").ValueKind == JsonValueKind.String && Cell(columns, row, "class").GetString() == "exceptional"
                ? AdvanceClass.Exceptional
                : AdvanceClass.Regular;
            strokes.Add(new StrokeMark(DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()), stroke, cls));
        }

        return strokes;
    }

    /// <summary>Assignments of stops that started in [from, to), oldest first.</summary>
    public async Task<List<StopReasonAssignment>> AssignmentsAsync(string id, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"reason\",\"by\",\"note\",\"at_ms\" FROM \"{AssignmentMeasurement}\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND {Range(from, to)}", ct);
        var list = new List<StopReasonAssignment>();
        foreach (var (columns, row) in Rows(result))
        {
            if (Long(Cell(columns, row, "reason")) is not { } code || !StopReasons.TryAssignable(code, out var reason)) continue;
            var note = Cell(columns, row, "note");
            list.Add(new StopReasonAssignment(
                DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()),
                reason,
                Cell(columns, row, "by").GetString() ?? "",
                DateTimeOffset.FromUnixTimeMilliseconds(Long(Cell(columns, row, "at_ms")) ?? 0),
                note.ValueKind == JsonValueKind.String && note.GetString() is { Length: > 0 } n ? n : null));
        }

        return list.OrderBy(a => a.At).ToList();
    }

    /// <summary>The machine's state at <paramref name="t"/> exactly: null when no sample has that time.</summary>
    public async Task<bool?> BoringAtAsync(string id, DateTimeOffset t, CancellationToken ct)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"boring\" FROM \"tbm\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND time = {Ns(t)}", ct);
        foreach (var (_, row) in Rows(result)) return Bool(row[1]);
        return null;
    }

    public async Task WriteAssignmentAsync(string id, StopReasonAssignment a, CancellationToken ct)
    {
        using var buffer = new ByteBuffer(512);
        new LineProtocolWriter(buffer, AssignmentMeasurement)
            .Tag("id", id)
            .Tag("at", a.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
            .Field("reason", (long)a.Reason)
            .Field("by", a.By)
            .Field("note", a.Note ?? "")
            .Field("at_ms", a.At.ToUnixTimeMilliseconds())
            .End(LineProtocolWriter.ToNanoseconds(a.StopStart));
        await influx.WriteAsync(buffer.ToArray(), ct);
    }

    /// <summary>Late-data marks of hours in [from, to).</summary>
    public async Task<List<LateDataMark>> LateMarksAsync(string id, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"nonce\" FROM \"{LateMarkMeasurement}\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND {Range(from, to)}", ct);
        var marks = new List<LateDataMark>();
        foreach (var (_, row) in Rows(result))
        {
            marks.Add(new LateDataMark(DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()), Long(row[1]) ?? 0));
        }

        return marks;
    }

    /// <summary>Stored day summaries of days starting in [from, to), by day start.</summary>
    public async Task<Dictionary<DateTimeOffset, StoredDaySummary>> DaySummariesAsync(string id, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fields = string.Join(",", new[] { "to_ms", "inputs", "boring_s", "regrip_s", "standstill_s", "no_data_s" }.Concat(AllReasons.Select(ReasonField)).Select(InfluxQueryClient.Identifier));
        var result = await influx.QueryAsync(
            $"SELECT {fields} FROM \"{DaySummaryMeasurement}\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND {Range(from, to)}", ct);
        var days = new Dictionary<DateTimeOffset, StoredDaySummary>();
        foreach (var (columns, row) in Rows(result))
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64());
            if (Long(Cell(columns, row, "to_ms")) is not { } toMs || Cell(columns, row, "inputs") is not { ValueKind: JsonValueKind.String } inputs
                || Double(Cell(columns, row, "boring_s")) is not { } boring || Double(Cell(columns, row, "regrip_s")) is not { } regrip
                || Double(Cell(columns, row, "standstill_s")) is not { } standstill || Double(Cell(columns, row, "no_data_s")) is not { } noData)
            {
                continue; // incomplete: classified again and rewritten
            }

            var byReason = new Dictionary<StopReason, double>();
            foreach (var reason in AllReasons)
            {
                if (Double(Cell(columns, row, ReasonField(reason))) is { } seconds && seconds > 0) byReason[reason] = seconds;
            }

            days[start] = new StoredDaySummary(inputs.GetString()!, new TimeUseSummary(start, DateTimeOffset.FromUnixTimeMilliseconds(toMs), boring, regrip, standstill, noData, byReason, []));
        }

        return days;
    }

    /// <summary>Stores (or replaces) a day's summary at its start time; stops are not stored, the range answer has none.</summary>
    public async Task WriteDaySummaryAsync(string id, StoredDaySummary day, DateTimeOffset madeAt, CancellationToken ct)
    {
        using var buffer = new ByteBuffer(1024);
        var s = day.Summary;
        var line = new LineProtocolWriter(buffer, DaySummaryMeasurement)
            .Tag("id", id)
            .Field("to_ms", s.To.ToUnixTimeMilliseconds())
            .Field("inputs", day.Fingerprint)
            .Field("made_ms", madeAt.ToUnixTimeMilliseconds())
            .Field("boring_s", s.BoringS)
            .Field("regrip_s", s.RegripS)
            .Field("standstill_s", s.StandstillS)
            .Field("no_data_s", s.NoDataS);
        foreach (var reason in AllReasons)
        {
            line = line.Field(ReasonField(reason), s.StandstillByReasonS.GetValueOrDefault(reason));
        }

        line.End(LineProtocolWriter.ToNanoseconds(s.From));
        await influx.WriteAsync(buffer.ToArray(), ct);
    }

    private static string ReasonField(StopReason reason) => $"standstill_{StopReasons.Name(reason)}_s";

    /// <summary>The furthest chainage of each 10 min in [from, to): enough to find each production day's advance.</summary>
    public async Task<List<(DateTimeOffset Time, double ChainageM)>> ChainageAsync(string id, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var result = await influx.QueryAsync(
            $"SELECT max(\"chainage_m\") FROM \"tbm\" WHERE \"id\"={InfluxQueryClient.Literal(id)} AND {Range(from, to)} GROUP BY time(10m) fill(none)", ct);
        var points = new List<(DateTimeOffset, double)>();
        foreach (var (_, row) in Rows(result))
        {
            if (Double(row[1]) is { } c) points.Add((DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()), c));
        }

        return points;
    }

    private static string Range(DateTimeOffset from, DateTimeOffset to) => $"time >= {Ns(from)} AND time < {Ns(to)}";

    private static string Ns(DateTimeOffset t) => LineProtocolWriter.ToNanoseconds(t).ToString(CultureInfo.InvariantCulture);

    internal static IEnumerable<(string[] Columns, JsonElement[] Row)> Rows(JsonElement result)
    {
        if (!result.TryGetProperty("series", out var series)) yield break;
        foreach (var s in series.EnumerateArray())
        {
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
            foreach (var row in s.GetProperty("values").EnumerateArray())
            {
                yield return (columns, row.EnumerateArray().ToArray());
            }
        }
    }

    /// <summary>A column InfluxDB left out (a field never written) reads as no value.</summary>
    private static JsonElement Cell(string[] columns, JsonElement[] row, string name)
    {
        var i = Array.IndexOf(columns, name);
        return i >= 0 && i < row.Length ? row[i] : default;
    }

    private static bool? Bool(JsonElement e) => e.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };

    private static long? Long(JsonElement e) => e.ValueKind == JsonValueKind.Number ? (e.TryGetInt64(out var v) ? v : (long)e.GetDouble()) : null;

    private static double? Double(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
}
