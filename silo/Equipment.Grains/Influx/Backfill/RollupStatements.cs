using System.Globalization;

namespace Equipment.Grains.Influx.Backfill;

/// <summary>
/// The InfluxQL that recomputes the dashboard's rollups for a back-filled range: the continuous queries' own
/// <c>SELECT mean(*) … GROUP BY time(…), *</c>, limited to the range's machines and hours. Writing a rollup point
/// again overwrites it (same series and time), so running these twice, or alongside the continuous queries, is harmless.
/// </summary>
public static class RollupStatements
{
    /// <summary>Retention of <c>rollup_1m</c> (the dashboard's RollupInstaller); older points would be refused by InfluxDB.</summary>
    public static readonly TimeSpan MinuteTierRetention = TimeSpan.FromDays(90);

    /// <summary>Above this many machines the range is recomputed for the whole measurement: same result, shorter query.</summary>
    public const int MaxIdsInFilter = 50;

    public static IEnumerable<string> For(BackfillRange range, string database, string? rawRetentionPolicy, long nowNs)
    {
        var db = Identifier(database);
        var source = $"{db}.{(string.IsNullOrEmpty(rawRetentionPolicy) ? "" : Identifier(rawRetentionPolicy))}.{Identifier(range.Measurement)}";
        var ids = range.Ids.Count is > 0 and <= MaxIdsInFilter
            ? "(" + string.Join(" OR ", range.Ids.Select(id => $"\"id\" = '{id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'")) + ") AND "
            : "";

        // An hour's margin so the oldest minute buckets are not already past retention when InfluxDB writes them.
        var minuteFloor = nowNs - (long)MinuteTierRetention.TotalNanoseconds + LateLineTracker.NsPerHour;
        var minuteFrom = Math.Max(range.FromNs, minuteFloor - (minuteFloor % LateLineTracker.NsPerHour) + LateLineTracker.NsPerHour);
        if (minuteFrom < range.ToNs)
        {
            yield return Statement(db, "rollup_1m", "1m", source, ids, minuteFrom, range.ToNs);
        }

        yield return Statement(db, "rollup_1h", "1h", source, ids, range.FromNs, range.ToNs);
    }

    private static string Statement(string db, string policy, string every, string source, string ids, long from, long to) =>
        string.Create(CultureInfo.InvariantCulture,
            $"SELECT mean(*) INTO {db}.\"{policy}\".:MEASUREMENT FROM {source} WHERE {ids}time >= {from} AND time < {to} GROUP BY time({every}), *");

    private static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
