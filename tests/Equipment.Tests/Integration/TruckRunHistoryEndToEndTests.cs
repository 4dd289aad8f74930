using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Equipment.Domain.Truck;
using Equipment.Testing;

namespace Equipment.Tests.Integration;

/// <summary>
/// A truck's whole run history through the real gateway, silo, InfluxDB and dashboard: eight shuttle runs on the G318
/// (four out from km 2530 to 2550, four back) and an open ninth, more than the twin keeps (five), each answered once
/// whether it comes from <c>truck_run</c>, from the twin, or both; paged by cursor both ways and filtered by time and
/// route km. Points of an earlier version (no <c>start_ns</c>) still page, with a null start.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TruckRunHistoryEndToEndTests(PlatformFixture platform)
{
    private const int Closed = 8;

    [Fact]
    public async Task Runs_EightClosedAndOneOpen_EveryRunOnceUnpagedAndPagedBothWays()
    {
        var id = "runs-truck-" + Guid.NewGuid().ToString("N")[..8];
        await Register(id);
        var t0 = DateTimeOffset.UtcNow.AddHours(-4);
        t0 = t0.AddTicks(-(t0.Ticks % TimeSpan.TicksPerSecond));
        await Post(ShuttleRuns.Lines(id, "field", t0, Closed, 30));

        // The twin writes truck_run in batches after it applied the lines: wait until all eight are stored.
        await Eventually(async () => (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT run_id FROM truck_run WHERE \"id\" = '{id}'")).Count == Closed ? true : (bool?)null);
        var all = await Eventually(async () =>
        {
            var runs = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs")).EnumerateArray().ToList();
            return runs.Count == Closed + 1 && runs[^1].GetProperty("end").ValueKind == JsonValueKind.Null ? runs : null;
        });

        AltitudeRunTracker.DefaultMaxRuns.Should().BeLessThan(Closed, "the test needs runs only InfluxDB still has");
        all.Select(r => r.GetProperty("runId").GetInt64()).Should().Equal(Enumerable.Range(1, Closed + 1).Select(n => (long)n));
        for (var n = 1; n <= Closed + 1; n++)
        {
            var run = all[n - 1];
            var (start, stop) = (RunStart(t0, n), RunStart(t0, n).AddSeconds(360));
            run.GetProperty("start").GetDateTimeOffset().Should().Be(start, $"run {n} starts at its first moving line");
            if (n <= Closed)
            {
                run.GetProperty("end").GetDateTimeOffset().Should().Be(stop, $"run {n} ends when it stopped");
                run.GetProperty("distanceKm").GetDouble().Should().BeApproximately(5, 0.01, $"run {n}");
                // 30 kW for 300 s, then the trapezoid down to 0 kW over the minute to the first standing line: 2.5 + 0.25 kWh.
                run.GetProperty("energyKwh").GetDouble().Should().BeApproximately(2.75, 0.01, $"run {n}");
                run.GetProperty("startRouteKm").GetDouble().Should().BeApproximately(Km(n, 0), 0.5, $"run {n}");
                run.GetProperty("endRouteKm").GetDouble().Should().BeApproximately(Km(n, 300), 0.5, $"run {n}");
            }
        }

        // Oldest first by three, then newest first by four: the same runs, none twice, the same JSON.
        var byThree = await PagesAsync(id, "limit=3");
        byThree.Select(p => p.Count).Should().Equal(3, 3, 3);
        byThree.SelectMany(p => p).Select(r => r.GetRawText()).Should().Equal(all.Select(r => r.GetRawText()));
        var newest = await PagesAsync(id, "limit=4&order=desc");
        newest.Select(p => p.Count).Should().Equal(4, 4, 1);
        newest.SelectMany(p => p).Select(r => r.GetRawText()).Should().Equal(all.AsEnumerable().Reverse().Select(r => r.GetRawText()));

        // Runs 2 and 3 ended in [end of 2, end of 3 + 1 s); runs from the start of 7 on: 7, 8 and the open 9.
        var window = $"from={Iso(RunStart(t0, 2).AddSeconds(360))}&to={Iso(RunStart(t0, 3).AddSeconds(361))}";
        (await Ids(id, window)).Should().Equal(2, 3);
        (await Ids(id, $"from={Iso(RunStart(t0, 7))}")).Should().Equal(7, 8, 9);

        // km 2536–2539: run 2 on the way out (2535 → 2540) and run 7 on the way back (2540 → 2535), nothing else.
        (await Ids(id, "fromRouteKm=2536&toRouteKm=2539")).Should().Equal(2, 7);
    }

    [Fact]
    public async Task Runs_PointsOfAnEarlierVersionWithoutStart_PageWithNullStart()
    {
        var id = "legacy-truck-" + Guid.NewGuid().ToString("N")[..8];
        await Register(id);
        var end1 = DateTimeOffset.UtcNow.AddDays(-3);
        end1 = end1.AddTicks(-(end1.Ticks % TimeSpan.TicksPerMillisecond));
        var end2 = end1.AddHours(2);
        string Legacy(long runId, DateTimeOffset end) => string.Create(CultureInfo.InvariantCulture,
            $"truck_run,id={id},fleet=field run_id={runId}i,distance_km=12.5,ascent_m=300,descent_m=20,energy_kwh=40,regen_kwh=3,kwh_per_100km=296,min_soc_pct=55 {end.ToUnixTimeMilliseconds() * 1_000_000}\n");
        await platform.Influx.WriteAsync(PlatformFixture.Database, Encoding.UTF8.GetBytes(Legacy(41, end1) + Legacy(42, end2)));

        var page1 = await Eventually(async () =>
        {
            var page = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs?limit=1");
            return page.GetProperty("items").GetArrayLength() == 1 ? (JsonElement?)page : null;
        });
        var first = page1!.Value.GetProperty("items")[0];
        first.GetProperty("runId").GetInt64().Should().Be(41);
        first.GetProperty("start").ValueKind.Should().Be(JsonValueKind.Null, "an earlier version did not write the start");
        first.GetProperty("end").GetDateTimeOffset().Should().Be(end1);
        first.GetProperty("distanceKm").GetDouble().Should().Be(12.5);
        first.GetProperty("kwhPer1000mClimb").ValueKind.Should().Be(JsonValueKind.Null);
        var page2 = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs?limit=1&cursor={page1.Value.GetProperty("nextCursor").GetString()}");
        page2.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runId").GetInt64()).Should().Equal(42);
        page2.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Runs_BadParameters_400NamingTheField()
    {
        var id = "runs-bad-" + Guid.NewGuid().ToString("N")[..8];
        await Register(id);

        await Expect400($"/api/trucks/{id}/runs?limit=0", "limit");
        await Expect400($"/api/trucks/{id}/runs?limit=5000", "limit");
        await Expect400($"/api/trucks/{id}/runs?cursor=yesterday", "cursor");
        await Expect400($"/api/trucks/{id}/runs?order=sideways", "order");
        await Expect400($"/api/trucks/{id}/runs?from=last-week", "from");
        await Expect400($"/api/trucks/{id}/runs?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to");
        await Expect400($"/api/trucks/{id}/runs?fromRouteKm=2600&toRouteKm=2411", "toRouteKm");
        using var unknown = await platform.Dashboard.GetAsync("/api/trucks/no-such-truck-" + Guid.NewGuid().ToString("N")[..6] + "/runs?limit=0");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static DateTimeOffset RunStart(DateTimeOffset t0, int n) => ShuttleRuns.Start(t0, n);

    private static double Km(int n, int s) => ShuttleRuns.Km(Closed, n, s);

    private async Task<List<List<JsonElement>>> PagesAsync(string id, string parameters)
    {
        var pages = new List<List<JsonElement>>();
        string? cursor = null;
        do
        {
            var page = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs?{parameters}{(cursor is null ? "" : "&cursor=" + cursor)}");
            pages.Add(page.GetProperty("items").EnumerateArray().ToList());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 20);

        return pages;
    }

    private async Task<List<long>> Ids(string id, string parameters) =>
        (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs?{parameters}")).EnumerateArray().Select(r => r.GetProperty("runId").GetInt64()).ToList();

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));

    private async Task Register(string id)
    {
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "truck", fleet = "field", truck = new { routeId = "g318", routeStartOdometerKm = ShuttleRuns.FirstOdometerKm - ShuttleRuns.FirstKm } });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task Post(List<string> lines)
    {
        // Requests of 60 lines; the third sent twice (a retry), and again after the sixth (a late re-send).
        var chunks = lines.Chunk(60).ToList();
        chunks.Insert(3, chunks[2]);
        chunks.Insert(7, chunks[2]);
        foreach (var chunk in chunks)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(string.Join('\n', chunk) + "\n") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            using var response = await platform.Gateway.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task Expect400(string path, string field)
    {
        using var response = await platform.Dashboard.GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body.GetRawText());
        body.GetProperty("field").GetString().Should().Be(field);
        body.GetProperty("message").GetString().Should().StartWith(field + ":");
    }

    /// <summary>Up to 120 s: the twin's batch writes and this shared machine are slow.</summary>
    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) =>
        Poll.UntilAsync(attempt, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
}
