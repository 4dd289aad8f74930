using System.Globalization;
using Equipment.Domain.Truck;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Dashboard.Runs;

/// <summary>
/// Joins what InfluxDB holds with what the twin holds into one page. A run's key is its end in ns (the time of its
/// <c>truck_run</c> point, written from the same value); the open run's key is after every end. The stored rows are the
/// first <c>limit + 1</c> rows in the query's order; the page covers keys up to the <c>limit</c>-th of them (all keys on
/// the last page), and inside that span a twin run whose end InfluxDB has no row for is one it has not written yet (or
/// lost): the page carries it. So a run is answered once, whether it is in InfluxDB, in the twin, or both.
/// </summary>
public static class RunPager
{
    public static RunPage Page(IReadOnlyList<StoredRun> stored, IReadOnlyList<AltitudeRun> twin, RunQuery query, int limit)
    {
        var more = stored.Count > limit;
        long? edge = more ? stored[limit - 1].TimeNs : null;
        var storedEnds = stored.Select(s => s.TimeNs).ToHashSet();
        var merged = new List<(long Key, AltitudeRun Run)>(stored.Take(limit).Select(s => (s.TimeNs, s.Run)));
        foreach (var run in twin)
        {
            var key = Key(run);
            if (run.End is not null && storedEnds.Contains(key)) continue;
            if (edge is { } e && (query.Descending ? key < e : key > e)) continue;
            if (Matches(run, key, query)) merged.Add((key, run));
        }

        merged.Sort((a, b) => query.Descending ? b.Key.CompareTo(a.Key) : a.Key.CompareTo(b.Key));
        if (merged.Count > limit)
        {
            merged.RemoveRange(limit, merged.Count - limit);
            more = true;
        }

        return new RunPage(merged.Select(m => m.Run).ToList(), more && merged.Count > 0 ? Cursor(merged[^1].Run, merged[^1].Key) : null);
    }

    /// <summary>The run's end in ns since the epoch; the open run sorts after every closed one.</summary>
    public static long Key(AltitudeRun run) => run.End is { } end ? LineProtocolWriter.ToNanoseconds(end) : long.MaxValue;

    /// <summary>The same filter the InfluxQL query applies, for the twin's runs.</summary>
    public static bool Matches(AltitudeRun run, long key, RunQuery query)
    {
        var open = run.End is null;
        if (query.CursorNs is { } c && (query.Descending ? key >= c : key <= c)) return false;
        if (query.To is { } to && (open || key >= LineProtocolWriter.ToNanoseconds(to))) return false;
        if (query.From is { } from && !open && key < LineProtocolWriter.ToNanoseconds(from)) return false;
        if (query.FromRouteKm is null && query.ToRouteKm is null) return true;
        double?[] km = [run.StartRouteKm, run.EndRouteKm];
        var known = km.OfType<double>().ToList();
        if (known.Count == 0) return false;
        return (query.FromRouteKm is not { } a || known.Max() >= a) && (query.ToRouteKm is not { } b || known.Min() <= b);
    }

    /// <summary>
    /// A closed run's end; for the open run (first of a newest-first page, as nothing sorts after it oldest-first) its
    /// start, before which every closed run ended.
    /// </summary>
    private static string Cursor(AltitudeRun run, long key) =>
        (run.End is null ? LineProtocolWriter.ToNanoseconds(run.Start ?? DateTimeOffset.UnixEpoch) : key).ToString(CultureInfo.InvariantCulture);
}
