using System.Globalization;
using System.Text.RegularExpressions;

namespace Equipment.Dashboard.History;

/// <summary>The validated parameters of <c>GET /api/equipment/{id}/history</c>.</summary>
public sealed partial record HistoryRequest(
    string Id,
    string Measurement,
    int? Position,
    string[] Fields,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Every,
    string EveryText,
    HistoryTier Tier,
    bool Csv)
{
    public const int MaxFields = 12;
    public const int MaxPoints = 20_000;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    /// <summary>Target number of buckets when the caller leaves <c>every</c> out: enough for a chart's width.</summary>
    private const int AutoPoints = 400;

    private static readonly (TimeSpan Span, string Text)[] NiceSteps =
    [
        (TimeSpan.FromSeconds(1), "1s"), (TimeSpan.FromSeconds(5), "5s"), (TimeSpan.FromSeconds(10), "10s"),
        (TimeSpan.FromSeconds(30), "30s"), (TimeSpan.FromMinutes(1), "1m"), (TimeSpan.FromMinutes(5), "5m"),
        (TimeSpan.FromMinutes(10), "10m"), (TimeSpan.FromMinutes(30), "30m"), (TimeSpan.FromHours(1), "1h"),
        (TimeSpan.FromHours(3), "3h"), (TimeSpan.FromHours(6), "6h"), (TimeSpan.FromHours(12), "12h"), (TimeSpan.FromDays(1), "1d"),
    ];

    /// <summary>Parses and checks the query string; returns null and a message for a 400 when something is wrong.</summary>
    public static HistoryRequest? Parse(string id, string kind, IQueryCollection query, DateTimeOffset now, out string? error)
    {
        error = null;
        var measurement = query["measurement"].ToString() is { Length: > 0 } m ? m : kind;
        if (measurement is not ("tbm" or "truck" or "tbm_cutter"))
        {
            error = $"measurement must be tbm, truck or tbm_cutter (was '{measurement}')";
            return null;
        }

        if (measurement != kind && !(measurement == "tbm_cutter" && kind == "tbm"))
        {
            error = $"measurement '{measurement}' does not belong to a {kind}";
            return null;
        }

        int? position = null;
        if (query["position"].ToString() is { Length: > 0 } p)
        {
            if (measurement != "tbm_cutter")
            {
                error = "position applies only to measurement=tbm_cutter";
                return null;
            }

            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pos) || pos < 1 || pos > 10_000)
            {
                error = $"position must be a cutter position number 1-10000 (was '{p}')";
                return null;
            }

            position = pos;
        }
        else if (measurement == "tbm_cutter")
        {
            error = "measurement=tbm_cutter needs position=N";
            return null;
        }

        var fields = query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0)
        {
            error = "fields is required, e.g. fields=thrust_kn,torque_knm";
            return null;
        }

        if (fields.Length > MaxFields)
        {
            error = $"at most {MaxFields} fields per request (got {fields.Length})";
            return null;
        }

        if (fields.FirstOrDefault(f => !FieldName().IsMatch(f)) is { } bad)
        {
            error = $"field '{bad}' is not a field name (letters, digits, underscore)";
            return null;
        }

        fields = fields.Distinct(StringComparer.Ordinal).ToArray();
        if (!TryTime(query, "to", now, out var to, out error) || !TryTime(query, "from", to - TimeSpan.FromHours(1), out var from, out error))
        {
            return null;
        }

        if (from >= to)
        {
            error = "from must be before to";
            return null;
        }

        var range = to - from;
        if (range > MaxRange)
        {
            error = $"range must be at most {MaxRange.TotalDays:0} days";
            return null;
        }

        var tier = HistoryTier.For(range);
        TimeSpan every;
        string everyText;
        if (query["every"].ToString() is { Length: > 0 } e)
        {
            if (!TryDuration(e, out every))
            {
                error = $"every must be a duration like 10s, 1m, 1h or 1d (was '{e}')";
                return null;
            }

            everyText = e;
            if (every < tier.Resolution)
            {
                // The rollup has nothing finer; say what was used rather than failing a chart that asked for too much.
                every = tier.Resolution;
                everyText = tier.Name;
            }
        }
        else
        {
            (every, everyText) = NiceSteps.FirstOrDefault(s => s.Span >= tier.Resolution && range / s.Span <= AutoPoints, NiceSteps[^1]);
        }

        if (range / every > MaxPoints)
        {
            error = $"range/every gives more than {MaxPoints} points; use a larger every";
            return null;
        }

        return new HistoryRequest(id, measurement, position, fields, from, to, every, everyText, tier,
            string.Equals(query["format"].ToString(), "csv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The InfluxQL: one mean per field and bucket, empty buckets left out.</summary>
    public string ToInfluxQl(string database)
    {
        var select = string.Join(", ", Fields.Select(f => $"mean({InfluxQueryClient.Identifier(Tier.StoredField(f))}) AS {InfluxQueryClient.Identifier(f)}"));
        var source = Tier.RetentionPolicy is { } rp
            ? $"{InfluxQueryClient.Identifier(database)}.{InfluxQueryClient.Identifier(rp)}.{InfluxQueryClient.Identifier(Measurement)}"
            : InfluxQueryClient.Identifier(Measurement);
        var where = $"\"id\" = {InfluxQueryClient.Literal(Id)}";
        if (Position is { } position)
        {
            where += $" AND \"position\" = '{position.ToString(CultureInfo.InvariantCulture)}'";
        }

        var seconds = (long)Every.TotalSeconds;
        return $"SELECT {select} FROM {source} WHERE {where} AND time >= '{From.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}' AND time < '{To.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}' GROUP BY time({seconds.ToString(CultureInfo.InvariantCulture)}s) fill(none)";
    }

    private static bool TryTime(IQueryCollection query, string name, DateTimeOffset fallback, out DateTimeOffset value, out string? error)
    {
        error = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        error = $"{name} must be an ISO 8601 time like 2026-11-26T08:00:00Z (was '{text}')";
        return false;
    }

    private static bool TryDuration(string text, out TimeSpan value)
    {
        value = default;
        var match = Duration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        value = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return n > 0;
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex FieldName();

    [GeneratedRegex("^([0-9]{1,6})(s|m|h|d)$")]
    private static partial Regex Duration();
}
