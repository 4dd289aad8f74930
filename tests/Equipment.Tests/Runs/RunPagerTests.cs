using System.Text.Json;
using Equipment.Dashboard.Runs;
using Equipment.Domain.Truck;
using Equipment.Telemetry.LineProtocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Equipment.Tests.Runs;

/// <summary>
/// Worked examples of joining InfluxDB's <c>truck_run</c> with the twin's runs. Run n drives from minute 60·n to
/// 60·n + 40 (it ends then); InfluxDB holds runs 1–6 (its batch for 7 and 8 has not landed), the twin keeps its last
/// five closed runs (4–8) and the open run 9. Every page must carry each of 1–9 once, in order.
/// </summary>
public sealed class RunPagerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private static AltitudeRun Run(long n, bool open = false, double? startKm = null, double? endKm = null) => new()
    {
        RunId = n,
        Start = T0.AddMinutes(60 * n),
        End = open ? null : T0.AddMinutes((60 * n) + 40).AddTicks(1234),
        DistanceKm = n,
        StartRouteKm = startKm,
        EndRouteKm = endKm,
    };

    private static readonly List<StoredRun> Influx = [.. Enumerable.Range(1, 6).Select(n => new StoredRun(RunPager.Key(Run(n)), Run(n)))];

    private static readonly List<AltitudeRun> Twin = [.. Enumerable.Range(4, 5).Select(n => Run(n)), Run(9, open: true)];

    [Fact]
    public void Page_Unpaged_EveryRunOnceOldestFirstTheOpenOneLast()
    {
        var page = RunPager.Page(Influx, Twin, Query(), int.MaxValue);

        page.Items.Select(r => r.RunId).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
        page.Items[^1].End.Should().BeNull();
        page.NextCursor.Should().BeNull();
    }

    [Fact]
    public void Page_OldestFirstByFour_ThreePagesEachRunOnce()
    {
        Pages(Query(), 4).Should().Equal("1,2,3,4", "5,6,7,8", "9");
    }

    [Fact]
    public void Page_NewestFirstByFour_OpenRunFirstThenTheUnwrittenOnes()
    {
        Pages(Query(("order", "desc")), 4).Should().Equal("9,8,7,6", "5,4,3,2", "1");
    }

    [Fact]
    public void Page_NewestFirstByOne_TheOpenRunsCursorIsItsStart()
    {
        var first = RunPager.Page(Stored(Query(("order", "desc")), 1), Twin, Query(("order", "desc")), 1);

        first.Items.Select(r => r.RunId).Should().Equal(9);
        first.NextCursor.Should().Be(LineProtocolWriter.ToNanoseconds(Run(9).Start!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Pages(Query(("order", "desc")), 1).Should().Equal("9", "8", "7", "6", "5", "4", "3", "2", "1");
    }

    [Fact]
    public void Page_InfluxHasEverything_TwinRunsAreNotRepeated()
    {
        var all = Enumerable.Range(1, 8).Select(n => new StoredRun(RunPager.Key(Run(n)), Run(n))).ToList();
        var page = RunPager.Page(all, Twin, Query(), int.MaxValue);

        page.Items.Select(r => r.RunId).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    [Fact]
    public void Page_ToBeforeRunSevenEnds_OpenRunAndLaterRunsLeftOut()
    {
        // Run 2 ends at minute 160, run 7 at 460; "to" is exclusive.
        var query = Query(("from", T0.AddMinutes(150).ToString("O")), ("to", T0.AddMinutes(460).ToString("O")));
        var stored = Influx.Where(s => RunPager.Matches(s.Run, s.TimeNs, query)).ToList();

        RunPager.Page(stored, Twin, query, int.MaxValue).Items.Select(r => r.RunId).Should().Equal(2, 3, 4, 5, 6);
    }

    [Fact]
    public void Matches_RouteKmOfATripBack_OverlapEitherDirection()
    {
        var back = Run(1, startKm: 2600, endKm: 2411);
        var offRoute = Run(2);

        RunPager.Matches(back, RunPager.Key(back), Query(("fromRouteKm", "2500"), ("toRouteKm", "2550"))).Should().BeTrue("2411–2600 covers 2500–2550");
        RunPager.Matches(back, RunPager.Key(back), Query(("fromRouteKm", "2300"), ("toRouteKm", "2411"))).Should().BeTrue("it touches 2411");
        RunPager.Matches(back, RunPager.Key(back), Query(("fromRouteKm", "2601"))).Should().BeFalse();
        RunPager.Matches(back, RunPager.Key(back), Query(("toRouteKm", "2410"))).Should().BeFalse();
        RunPager.Matches(offRoute, RunPager.Key(offRoute), Query(("fromRouteKm", "0"))).Should().BeFalse("a run off a known route has no km");
    }

    [Fact]
    public void FromRow_PointWithoutStart_StartNullFiguresRead()
    {
        // An earlier version's point: no start_ns, no auxiliary_kwh; integer-valued floats come back as 12, not 12.0.
        string[] columns = ["time", "ascent_m", "distance_km", "fleet", "id", "kwh_per_100km", "run_id"];
        var row = JsonSerializer.Deserialize<JsonElement[]>("[1772431200000000000, 512.5, 12, \"f\", \"t\", null, 3]")!;

        var run = RunHistory.FromRow(columns, row, 1772431200000000000);

        run.RunId.Should().Be(3);
        run.Start.Should().BeNull();
        run.End.Should().Be(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        run.DistanceKm.Should().Be(12);
        run.AscentM.Should().Be(512.5);
        run.KwhPer100Km.Should().BeNull();
        run.AuxiliaryKwh.Should().Be(0);
    }

    [Fact]
    public void FromRow_PointWithStart_StartToTheTick()
    {
        string[] columns = ["time", "run_id", "start_ns"];
        var start = LineProtocolWriter.ToNanoseconds(T0.AddTicks(1234567));
        var row = JsonSerializer.Deserialize<JsonElement[]>($"[1772431200000000000, 3, {start}]")!;

        RunHistory.FromRow(columns, row, 1772431200000000000).Start.Should().Be(T0.AddTicks(1234567));
    }

    /// <summary>Follows nextCursor from the first page to the last, asking "InfluxDB" as <see cref="RunHistory"/> does.</summary>
    private static List<string> Pages(RunQuery query, int limit)
    {
        var pages = new List<string>();
        var q = query with { Limit = limit };
        while (true)
        {
            var page = RunPager.Page(Stored(q, limit), Twin, q, limit);
            pages.Add(string.Join(",", page.Items.Select(r => r.RunId)));
            if (page.NextCursor is null || pages.Count > 20) return pages;
            q = q with { CursorNs = long.Parse(page.NextCursor, System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>What the InfluxQL query returns: matching rows in the query's order, at most limit + 1.</summary>
    private static List<StoredRun> Stored(RunQuery q, int limit)
    {
        var rows = Influx.Where(s => RunPager.Matches(s.Run, s.TimeNs, q));
        rows = q.Descending ? rows.OrderByDescending(s => s.TimeNs) : rows.OrderBy(s => s.TimeNs);
        return rows.Take(limit + 1).ToList();
    }

    private static RunQuery Query(params (string Key, string Value)[] parameters)
    {
        var q = RunQuery.Parse(new QueryCollection(parameters.ToDictionary(p => p.Key, p => new StringValues(p.Value))), out var error);
        error.Should().BeNull();
        return q!;
    }
}
