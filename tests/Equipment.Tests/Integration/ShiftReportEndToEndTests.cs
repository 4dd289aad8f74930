using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static System.FormattableString;

namespace Equipment.Tests.Integration;

/// <summary>
/// The shift report through the real gateway, silo, InfluxDB and dashboard: a field-shaped shift (1 Hz, neighbouring
/// lines swapped, a request sent twice, a seven-minute radio gap, chainage noise), an operator reassigning a stop's
/// reason with its audit trail, CSV, the completion forecast and the paged whole-drive strokes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ShiftReportEndToEndTests(PlatformFixture platform)
{
    // Asia/Shanghai, 8 h shifts from 06:00 local: shift 1 of 2 March 2026 = 1 March 22:00Z – 2 March 06:00Z.
    private static readonly DateTimeOffset ShiftStart = new(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ShiftReport_FieldShapedShiftThroughGateway_ClassifiesEverySecondAndKeepsReasonAudit()
    {
        const string id = "e2e-shift-1";
        await Register(id, targetChainageM: 1000);
        var chainage = await WriteShift(id);

        var report = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/shifts/2026-03-02/1");

        report.GetProperty("from").GetDateTimeOffset().Should().Be(ShiftStart);
        report.GetProperty("to").GetDateTimeOffset().Should().Be(ShiftStart.AddHours(8));
        var use = report.GetProperty("timeUse");
        // Boring 1,800 + 1,800 + 1,199 + 60 (the last sample stands for up to 60 s) = 4,859 s; regrip 180 s between
        // strokes 1 and 2; haulage 1,799 + 60 = 1,859 s (then 6 min 1 s without data); no data 28,800 − 6,898 = 21,902 s.
        use.GetProperty("boringS").GetDouble().Should().Be(4859);
        use.GetProperty("regripS").GetDouble().Should().Be(180);
        use.GetProperty("standstillS").GetDouble().Should().Be(1859);
        use.GetProperty("standstillByReasonS").GetProperty("haulage").GetDouble().Should().Be(1859);
        use.GetProperty("noDataS").GetDouble().Should().Be(21902);
        use.GetProperty("utilisation").GetDouble().Should().BeApproximately(4859.0 / 28800, 1e-6);
        report.GetProperty("plannedAdvanceM").GetDouble().Should().Be(6);
        report.GetProperty("advanceM").GetDouble().Should().BeApproximately(chainage.Max() - chainage[0], 0.001);
        (report.GetProperty("strokesRegular").GetInt32() + report.GetProperty("strokesExceptional").GetInt32()).Should().Be(2, "strokes 1 and 2 closed in the shift; 3 is open");
        var stop = report.GetProperty("longestStops").EnumerateArray().Should().ContainSingle().Subject;
        stop.GetProperty("start").GetDateTimeOffset().Should().Be(HaulageAt);
        stop.GetProperty("reason").GetString().Should().Be("haulage");

        // An operator says it was a breakdown; a second operator corrects it to maintenance. Nothing is lost.
        var (first, firstName) = await Operator();
        var (second, secondName) = await Operator();
        var path = $"/api/tbm/{id}/stops/{Uri.EscapeDataString(HaulageAt.ToString("O", CultureInfo.InvariantCulture))}/reason";
        (await first.PostAsJsonAsync(path, new { reason = 5, note = "conveyor belt torn" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.PostAsJsonAsync(path, new { reason = 4 })).StatusCode.Should().Be(HttpStatusCode.OK);

        report = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/shifts/2026-03-02/1");
        stop = report.GetProperty("longestStops")[0];
        stop.GetProperty("reason").GetString().Should().Be("maintenance");
        stop.GetProperty("machineReason").GetString().Should().Be("haulage");
        stop.GetProperty("assignedBy").GetString().Should().Be(secondName);
        stop.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("by").GetString(), h.GetProperty("reason").GetString()))
            .Should().Equal((firstName, "breakdown"), (secondName, "maintenance"));
        stop.GetProperty("history")[0].GetProperty("note").GetString().Should().Be("conveyor belt torn");
        report.GetProperty("timeUse").GetProperty("standstillByReasonS").GetProperty("maintenance").GetDouble().Should().Be(1859);

        var csv = await platform.Dashboard.GetStringAsync($"/api/tbm/{id}/shifts/2026-03-02/1?format=csv");
        csv.Should().Contain("boring,4859,s\n").And.Contain("standstill_maintenance,1859,s\n").And.Contain("stop_start,stop_end,duration_s,reason,machine_reason,assigned_by\n")
            .And.Contain($"2026-03-01T23:03:00Z,2026-03-01T23:33:59Z,1859,maintenance,haulage,{secondName}\n");
    }

    [Fact]
    public async Task StopReason_BadInput_400NamingTheFieldAndNothingWritten()
    {
        const string id = "e2e-shift-2";
        await Register(id, targetChainageM: null);
        await WriteShift(id);
        var (client, _) = await Operator();
        var path = $"/api/tbm/{id}/stops/{Uri.EscapeDataString(HaulageAt.ToString("O", CultureInfo.InvariantCulture))}/reason";

        await Expect400(client.PostAsJsonAsync(path, new { reason = 9 }), "reason");
        await Expect400(client.PostAsJsonAsync(path, new { reason = "haulage" }), "reason");
        await Expect400(client.PostAsJsonAsync(path, new { reason = 2, note = new string('x', 501) }), "note");
        await Expect400(client.PostAsJsonAsync($"/api/tbm/{id}/stops/yesterday/reason", new { reason = 2 }), "start");
        await Expect400(client.PostAsJsonAsync($"/api/tbm/{id}/stops/2026-03-01T22:10:00Z/reason", new { reason = 2 }), "start"); // boring then
        await Expect400(platform.Dashboard.GetAsync($"/api/tbm/{id}/shifts/2026-13-02/1"), "date");
        await Expect400(platform.Dashboard.GetAsync($"/api/tbm/{id}/shifts/2026-03-02/4"), "shift");

        var viewer = await User("viewer");
        (await viewer.Client.PostAsJsonAsync(path, new { reason = 2 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var stop = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/shifts/2026-03-02/1")).GetProperty("longestStops")[0];
        stop.GetProperty("history").GetArrayLength().Should().Be(0);
        stop.GetProperty("reason").GetString().Should().Be("haulage");

        // The production day 2 March holds the whole shift: the day's time use has the same totals.
        var day = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/time-use?from=2026-03-01&to=2026-03-02");
        day.GetProperty("days").GetArrayLength().Should().Be(2);
        var total = day.GetProperty("total");
        (total.GetProperty("boringS").GetDouble(), total.GetProperty("regripS").GetDouble(), total.GetProperty("standstillByReasonS").GetProperty("haulage").GetDouble())
            .Should().Be((4859, 180, 1859));
        total.GetProperty("periodS").GetDouble().Should().Be(2 * 86400);
        await Expect400(platform.Dashboard.GetAsync($"/api/tbm/{id}/time-use?from=2026-03-01&to=2026-05-01"), "to");
        await Expect400(platform.Dashboard.GetAsync($"/api/tbm/{id}/time-use?to=2026-03-01"), "from");
    }

    [Fact]
    public async Task Forecast_TwentyMetresADayForEightDays_ReachesTargetInTwentyDays()
    {
        const string id = "e2e-shift-3";
        await Register(id, targetChainageM: 760);

        // One reading in the middle of each of the nine production days before today (06:00 Shanghai = 22:00Z), so the
        // days are the same whatever the time of day the test runs at: 200, 220, …, 360 m; seven days of 20 m each.
        var now = DateTimeOffset.UtcNow;
        var todayStart = new DateTimeOffset(now.UtcDateTime.Date.AddHours(22), TimeSpan.Zero);
        if (todayStart > now) todayStart = todayStart.AddDays(-1);
        var lines = Enumerable.Range(1, 9).Reverse()
            .Select(k => Invariant($"tbm,id={id},site=e2e chainage_m={200 + (9 - k) * 20}.0,boring=false {todayStart.AddDays(-k).AddHours(12).ToUnixTimeMilliseconds()}"));
        await Write(lines);

        var f = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/forecast");

        // Chainage 360 m, 400 m to go at 20 m/day (s = 0): 20 days, no spread.
        f.GetProperty("chainageM").GetDouble().Should().Be(360);
        f.GetProperty("daysCounted").GetInt32().Should().Be(7);
        f.GetProperty("paceMPerDay").GetDouble().Should().Be(20);
        f.GetProperty("daysToGo").GetDouble().Should().Be(20);
        f.GetProperty("spreadDays").GetDouble().Should().Be(0);
        f.GetProperty("date").GetDateTimeOffset().Should().BeCloseTo(now.AddDays(20), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Strokes_PagedWithCursorAndChainage_EveryStrokeOnceThenTheOpenOne()
    {
        const string id = "e2e-shift-4";
        await Register(id, targetChainageM: null);
        await WriteShift(id);

        var all = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes")).EnumerateArray().ToList();
        all.Select(s => (s.GetProperty("stroke").GetInt64(), s.GetProperty("open").GetBoolean())).Should().Equal((1, false), (2, false), (3, true));

        var page1 = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes?limit=1");
        page1.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("stroke").GetInt64()).Should().Equal(1);
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes?limit=1&cursor={cursor}");

        // The last closed stroke's page is the last page: it also carries the open stroke (it has no close time to page by).
        page2.GetProperty("items").EnumerateArray().Select(s => (s.GetProperty("stroke").GetInt64(), s.GetProperty("open").GetBoolean())).Should().Equal((2, false), (3, true));
        page2.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);

        // Stroke 2 bored 100.9 → 101.8 m: a stretch inside it finds it alone (and not the open stroke 3 beyond it).
        var stretch = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes?fromChainageM=101.2&toChainageM=101.5")).EnumerateArray();
        stretch.Select(s => s.GetProperty("stroke").GetInt64()).Should().Equal(2);
        all[1].GetProperty("samples").GetInt32().Should().BeGreaterThan(800, "stroke 2 bored 1,800 samples (some arrive a second late)");
        await Expect400(platform.Dashboard.GetAsync($"/api/tbm/{id}/strokes?limit=0"), "limit");
    }

    private static DateTimeOffset HaulageAt => ShiftStart.AddSeconds(1800 + 180 + 1800);

    /// <summary>
    /// 22:00 boring stroke 1 (30 min, 100.0 → 100.9 m), 22:30 three minutes standing (nothing reported), 22:33 boring
    /// stroke 2 (30 min, → 101.8 m), 23:03 haulage (code 3, 30 min), silence to 23:40, boring stroke 3 (20 min, → 102.4 m).
    /// </summary>
    private async Task<List<double>> WriteShift(string id)
    {
        var lines = new List<string>();
        var chainages = new List<double>();
        var t = ShiftStart;
        var c = 100.0;
        var i = 0;
        void Bore(int seconds, int stroke)
        {
            for (var s = 0; s < seconds; s++, i++, t = t.AddSeconds(1))
            {
                var noisy = Math.Round(c + 0.001 * Math.Sin(i), 4);
                chainages.Add(noisy);
                lines.Add(Invariant($"tbm,id={id},site=e2e chainage_m={noisy},stroke={stroke}i,thrust_kn={9000 + 50 * Math.Sin(i / 7.0):F1},torque_knm={1500 + 30 * Math.Cos(i / 5.0):F1},rpm=6.0,penetration_mm_rev=5.0,advance_mm_min=30.0,boring=true {t.ToUnixTimeMilliseconds()}"));
                c += 0.0005;
            }
        }

        void Stand(int seconds, int stroke, int? reason)
        {
            for (var s = 0; s < seconds; s++, i++, t = t.AddSeconds(1))
            {
                chainages.Add(Math.Round(c, 4));
                lines.Add(Invariant($"tbm,id={id},site=e2e chainage_m={Math.Round(c, 4)},stroke={stroke}i,thrust_kn=300,torque_knm=0,rpm=0,penetration_mm_rev=0,advance_mm_min=0,boring=false{(reason is { } r ? $",stop_reason={r}i" : "")} {t.ToUnixTimeMilliseconds()}"));
            }
        }

        Bore(1800, 1);
        Stand(180, 1, null);
        Bore(1800, 2);
        Stand(1800, 2, 3);
        t = t.AddSeconds(420);
        Bore(1200, 3);

        // Neighbouring lines swapped (arrive out of order by a second); requests of 500 lines, the fourth sent twice.
        for (var k = 0; k + 1 < lines.Count; k += 2) (lines[k], lines[k + 1]) = (lines[k + 1], lines[k]);
        var chunks = lines.Chunk(500).ToList();
        chunks.Insert(4, chunks[3]);
        foreach (var chunk in chunks) await Write(chunk);
        return chainages;
    }

    private async Task Write(IEnumerable<string> lines)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(string.Join('\n', lines)) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        using var response = await platform.Gateway.SendAsync(message);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private async Task Register(string id, double? targetChainageM)
    {
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "tbm",
            name = id,
            site = "e2e",
            tbm = new { siteTimeZone = "Asia/Shanghai", advanceTargetMPerDay = 18.0, targetChainageM },
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<(HttpClient Client, string Name)> Operator() => User("operator");

    private async Task<(HttpClient Client, string Name)> User(string role)
    {
        var name = role + "-" + Guid.NewGuid().ToString("N")[..6];
        using var response = await platform.Dashboard.PostAsJsonAsync("/api/admin/users", new { name, roles = new[] { role } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var client = new HttpClient { BaseAddress = new Uri(platform.DashboardUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (client, name);
    }

    private static async Task Expect400(Task<HttpResponseMessage> call, string field)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        body.Should().Contain(field + ":", "the message names the field");
    }
}
