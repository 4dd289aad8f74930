using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Equipment.Simulator.Replay;
using Equipment.Testing;
using InfluxDB.Client;
using InfluxDB.Client.Writes;

namespace Equipment.Tests.Integration;

/// <summary>The twins on the whole platform: published stroke data through the gateway, alert lifecycle across a silo restart, truck runs.</summary>
[Collection(TwinsCollection.Name)]
public sealed class TwinEndToEndTests(TwinsFixture platform)
{
    public static TheoryData<string, string, int, double, double, double, double, double, int, int> SharedTbms => new()
    {
        // file, id, cutters, radius mm, diameter m, M0 kNm, band low, band high, regular (mean), exceptional (mean)
        { "tbm_a_strokes.csv", "e2e-tbm-a", 50, 241.3, 7, 180, 0.35, 0.57, 473, 116 },
        { "tbm_b_strokes.csv", "e2e-tbm-b", 70, 241.3, 10, 400, 0.45, 0.57, 546, 43 },
        { "tbm_c_strokes.csv", "e2e-tbm-c", 60, 241.3, 9, 220, 0.53, 0.63, 491, 98 },
    };

    [Theory]
    [MemberData(nameof(SharedTbms))]
    public async Task Strokes_SharedTbmDataThroughGateway_ClassifiedAsOnorm(
        string file, string id, int cutters, double radiusMm, double diameterM, double idleTorqueKnm, double low, double high, int regular, int exceptional)
    {
        var register = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "tbm",
            name = id,
            site = "replay",
            tbm = new { cutterCount = cutters, cutterRadiusMm = radiusMm, cutterheadDiameterM = diameterM, idleTorqueKnm, torqueRatioBand = new[] { low, high } },
        });
        register.StatusCode.Should().Be(HttpStatusCode.OK, await register.Content.ReadAsStringAsync());

        var rows = StrokeCsvReader.Read(Path.Combine(RepositoryPaths.Data, "tbm-strokes", file));
        var machine = new ReplayMachine(id, id, file, ReplayMachine.Shared.First(m => m.FileName == file).Parameters);
        var source = new ReplaySource(machine, rows, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), new Random(1));
        var points = new List<PointData>();
        source.AdvanceTo(DateTime.MaxValue, points);
        using (var client = new InfluxDBClient(platform.GatewayUrl, PlatformFixture.DevToken))
        {
            var write = client.GetWriteApiAsync();
            foreach (var chunk in points.Chunk(2000))
            {
                await write.WritePointsAsync(chunk.ToList(), "equipment", "equipment");
            }
        }

        // Every stroke but the last is closed by the next stroke's first sample and stored as a tbm_stroke point.
        var stored = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT stroke, torque_ratio_mean, torque_ratio_median, class, class_median FROM tbm_stroke WHERE id = '{id}'");
        stored.Should().HaveCount(rows.Count - 1);
        var byStroke = stored.ToDictionary(r => r["stroke"].GetInt64());
        var all = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes")).EnumerateArray().ToList();
        var open = all[^1];
        open.GetProperty("stroke").GetInt64().Should().Be(rows[^1].Stroke);

        // The whole drive, not the twin's last 64 strokes: every stroke once, in order, and the same in pages of 100.
        all.Select(s => s.GetProperty("stroke").GetInt64()).Should().Equal(rows.Select(r => r.Stroke));
        var paged = new List<long>();
        string? cursor = null;
        do
        {
            var page = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes?limit=100{(cursor is null ? "" : "&cursor=" + cursor)}");
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("stroke").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        paged.Should().Equal(rows.Select(r => r.Stroke));

        var counted = new Dictionary<string, int> { ["regular"] = 0, ["exceptional"] = 0 };
        foreach (var row in rows)
        {
            // Expected values from the ÖNORM B 2203-2 formula, computed here independently of the domain code.
            var ratioMean = Ratio(row.PenetrationMean, row.ThrustKnMean, row.TorqueMnmMean * 1000, cutters, radiusMm, diameterM, idleTorqueKnm);
            var ratioMedian = Ratio(row.PenetrationMedian, row.ThrustKnMedian, row.TorqueMnmMedian * 1000, cutters, radiusMm, diameterM, idleTorqueKnm);
            var classMean = low < ratioMean && ratioMean < high ? "regular" : "exceptional";
            var classMedian = low < ratioMedian && ratioMedian < high ? "regular" : "exceptional";
            string actualMean;
            if (byStroke.TryGetValue(row.Stroke, out var s))
            {
                s["torque_ratio_mean"].GetDouble().Should().BeApproximately(ratioMean, 1e-6 * ratioMean, $"stroke {row.Stroke}");
                s["torque_ratio_median"].GetDouble().Should().BeApproximately(ratioMedian, 1e-6 * ratioMedian, $"stroke {row.Stroke}");
                s["class_median"].GetString().Should().Be(classMedian, $"stroke {row.Stroke}");
                actualMean = s["class"].GetString()!;
            }
            else
            {
                row.Stroke.Should().Be(rows[^1].Stroke);
                actualMean = open.GetProperty("mean").GetProperty("advanceClass").GetString()!;
            }

            actualMean.Should().Be(classMean, $"stroke {row.Stroke}");
            counted[actualMean]++;
        }

        counted["regular"].Should().Be(regular);
        counted["exceptional"].Should().Be(exceptional);
    }

    [Fact]
    public async Task Alerts_RaisedAcknowledgedRestartedCleared_LifecycleSurvivesSiloRestart()
    {
        var id = "alert-tbm-" + Guid.NewGuid().ToString("N")[..8];

        await Post($"tbm,id={id},site=north main_bearing_temp_c=90,gear_oil_temp_c=85");
        var active = await Eventually(async () => (await Alerts("active")).SingleOrDefault(a => a.GetProperty("equipmentId").GetString() == id && a.GetProperty("ruleId").GetString() == "main-bearing-temp-high"));
        active.GetProperty("severity").GetString().Should().Be("critical");
        var alertId = active.GetProperty("id").GetString()!;

        using var ack = await platform.Dashboard.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(alertId)}/ack", new { by = "operator-1" });
        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("acknowledged");

        await platform.Cluster.RestartSiloAsync(platform.Cluster.Primary!);

        var afterRestart = await Eventually(async () => (await Alerts("acknowledged")).SingleOrDefault(a => a.GetProperty("id").GetString() == alertId));
        afterRestart.GetProperty("acknowledgedBy").GetString().Should().Be("operator-1");
        var twin = await Eventually(async () => await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}"));
        twin.GetProperty("openAlerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Should().Contain(alertId, "the twin's own alert state was restored from Redis");

        await Post($"tbm,id={id},site=north main_bearing_temp_c=60,gear_oil_temp_c=70");

        var cleared = (await Alerts("cleared")).Where(a => a.GetProperty("equipmentId").GetString() == id).ToList();
        cleared.Should().HaveCount(2, "at most one alert per machine and rule, each cleared once");
        var bearing = cleared.Single(a => a.GetProperty("ruleId").GetString() == "main-bearing-temp-high");
        bearing.GetProperty("id").GetString().Should().Be(alertId);
        bearing.GetProperty("acknowledgedBy").GetString().Should().Be("operator-1");
        bearing.GetProperty("clearedUnacknowledged").GetBoolean().Should().BeFalse();
        cleared.Single(a => a.GetProperty("ruleId").GetString() == "gear-oil-temp-high").GetProperty("clearedUnacknowledged").GetBoolean().Should().BeTrue();

        var transitions = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT transition, alert_id FROM alert WHERE id = '{id}' AND rule = 'main-bearing-temp-high'");
        transitions.Select(t => t["transition"].GetString()).Should().Equal("raised", "acknowledged", "cleared");
    }

    [Fact]
    public async Task Offline_TwinDeactivatedWhileSilent_ReminderWakesItAndRaisesOfflineWithoutAnyCall()
    {
        var id = "wake-truck-" + Guid.NewGuid().ToString("N")[..8];
        using var put = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "truck",
            fleet = "wake",
            rules = new[] { new { ruleId = "offline", staleAfterS = 8.0 } },
        });
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        // Driving when it goes silent: a truck last seen standing would count as parked, not offline.
        await Post($"truck,id={id},fleet=wake soc_pct=81,speed_kmh=40");

        // Deactivate every idle activation (the twin included), as Orleans' collector does after Twins:IdleMinutes.
        var management = platform.Cluster.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var stats = await management.GetDetailedGrainStatistics();
        stats.Where(s => s.GrainId.Key.ToString() == id).Should().BeEmpty("the silent twin was deactivated");

        // Nothing calls the twin (the alert list is read from the alert book's shards), yet it raises offline itself.
        var offline = await Eventually(async () => (await Alerts("active")).SingleOrDefault(a => a.GetProperty("equipmentId").GetString() == id && a.GetProperty("ruleId").GetString() == "offline"), TimeSpan.FromSeconds(90));
        offline.GetProperty("severity").GetString().Should().Be("major");

        // The directory's summary (what the paged list shows) carries the alert and the last values kept across the deactivation.
        var page = await Eventually(async () =>
        {
            var body = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment?fleet=wake&q={id}&state=alerting");
            return body.GetProperty("total").GetInt32() == 1 ? body : default;
        });
        var item = page.GetProperty("items")[0];
        item.GetProperty("id").GetString().Should().Be(id);
        item.GetProperty("fields").GetProperty("soc_pct").GetProperty("value").GetDouble().Should().Be(81);
        item.GetProperty("openAlerts").EnumerateArray().Select(a => a.GetProperty("ruleId").GetString()).Should().Contain("offline");
    }

    [Fact]
    public async Task CutterWear_TwoInspectionsAroundTenMinutesOfBoring_RatesAndProjectionFromRolledDistance()
    {
        var id = "wear-tbm-" + Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var body = new StringBuilder();
        for (var t = 0; t <= 600; t += 10)
        {
            body.Append(CultureInfo.InvariantCulture, $"tbm,id={id} chainage_m={100 + (t / 600.0)},rpm=6,boring=true,thrust_kn=10000,torque_knm=1600,penetration_mm_rev=10 {start + (t * 1000)}\n");
            if (t is 0 or 600)
            {
                body.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={id},position=50 wear_mm={(t == 0 ? 2.0 : 2.5)} {start + (t * 1000)}\n");
            }
        }

        await Post(body.ToString(), "ms");

        var cutter = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/cutters")).EnumerateArray().Single(c => c.GetProperty("position").GetInt32() == 50);

        // Position 50 of 50 on a 7 m head sits at r = 3.5 m; 10 min at 6 rpm = 60 revolutions rolls 2π·3.5·60 m = 1.3195 km.
        cutter.GetProperty("radiusM").GetDouble().Should().BeApproximately(3.5, 1e-9);
        cutter.GetProperty("wearMm").GetDouble().Should().Be(2.5);
        cutter.GetProperty("rolledKmSinceBaseline").GetDouble().Should().BeApproximately(1.3195, 0.001);
        cutter.GetProperty("wearRateMmPerKm").GetDouble().Should().BeApproximately(0.5 / 1.3195, 0.001);
        // 0.5 mm over 1 m of advance; position 50 is a gauge cutter (default limit 15 mm): 12.5 mm left = 25 m more,
        // reached at chainage 126 m.
        cutter.GetProperty("wearRateMmPerM").GetDouble().Should().BeApproximately(0.5, 1e-6);
        cutter.GetProperty("class").GetString().Should().Be("gauge");
        cutter.GetProperty("limitMm").GetDouble().Should().Be(15);
        cutter.GetProperty("remainingAdvanceM").GetDouble().Should().BeApproximately(25, 1e-6);
        cutter.GetProperty("chainageAtLimitM").GetDouble().Should().BeApproximately(126, 1e-6);
    }

    [Fact]
    public async Task FieldData_NoisyStandstillPullBackPlcRestartLateLinesAndCreep_FiguresHoldThroughGateway()
    {
        // A 31-cutter mining TBM on a Chinese site, registered with its own wear limits, sends 1 Hz data shaped like the
        // field's: ±2 mm chainage noise, a 60 s gap, a standstill with the head pulled back 0.3 m for a cutter change, a
        // PLC restart that restarts the stroke counter at 1, late lines (inside a request and a back-fill afterwards) and,
        // last, the head creeping at 0.05 mm/rev.
        var id = "field-tbm-" + Guid.NewGuid().ToString("N")[..8];
        var register = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "tbm",
            name = id,
            site = "laizhou",
            tbm = new
            {
                cutterCount = 31, cutterRadiusMm = 215.9, cutterheadDiameterM = 5.0, idleTorqueKnm = 120, torqueRatioBand = new[] { 0.35, 0.57 },
                siteTimeZone = "Asia/Shanghai",
                cutterWearLimitMm = new { centre = 18, face = 20, gauge = 12 },
                cutterClasses = new { centreCount = 4, gaugeCount = 6 },
            },
        });
        register.StatusCode.Should().Be(HttpStatusCode.OK, await register.Content.ReadAsStringAsync());

        var start = DateTimeOffset.UtcNow.AddMinutes(-40).ToUnixTimeMilliseconds();
        var random = new Random(5);
        double Noise() => (random.NextDouble() * 0.004) - 0.002;
        string Line(int t, double chainage, long stroke, bool boring, double rpm, double p, double thrust, double torque) =>
            string.Create(CultureInfo.InvariantCulture,
                $"tbm,id={id},site=laizhou chainage_m={chainage:0.0000},stroke={stroke}i,boring={(boring ? "true" : "false")},rpm={rpm},penetration_mm_rev={p},thrust_kn={thrust},torque_knm={torque} {start + (t * 1000L)}\n");
        var body = new StringBuilder();

        // 0–600 s: boring stroke 9000 at 4 mm/rev × 10 rpm = 0.667 mm/s: 100 → 100.4 m.
        for (var t = 0; t < 600; t++) body.Append(Line(t, 100 + (0.4 * t / 600) + Noise(), 9000, true, 10, 4, 6200, 500));

        // 660–1200 s (after a 60 s gap): standing; the head is pulled back 0.3 m over 100 s and stays there.
        for (var t = 660; t < 1200; t++)
        {
            body.Append(Line(t, 100.4 - (0.3 * Math.Clamp((t - 700) / 100.0, 0, 1)) + Noise(), 9000, false, 0, 0, 0, 0));
            if (t == 900) body.Append(Line(300, 105, 9000, true, 10, 4, 6200, 500)); // a late line, older than the last: ignored
        }

        // 1200–1800 s: the PLC restarted: strokes 1 and 2, re-boring 100.1 → 100.5 m (0.1 m of it new ground).
        for (var t = 1200; t < 1800; t++) body.Append(Line(t, 100.1 + (0.4 * (t - 1200) / 600) + Noise(), t < 1500 ? 1 : 2, true, 10, 4, 6200, 500));

        // 1800–1860 s: creeping, p = 0.05 mm/rev at 2 rpm (SE would read 0.1 + 2π·0.3/(19.63·5e-5) ≈ 1,920 MJ/m³).
        for (var t = 1800; t <= 1860; t++) body.Append(Line(t, 100.5 + Noise(), 2, true, 2, 0.05, 2000, 300));

        // Inspection: gauge position 30 at 10 of 12 mm (83 %), face position 10 at 15 of 20 mm (75 %).
        body.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={id},position=30 wear_mm=10 {start + 1860_000L}\n");
        body.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={id},position=10 wear_mm=15 {start + 1860_000L}\n");
        await Post(body.ToString(), "ms");

        // The edge agent back-fills the 60 s gap afterwards: older than the twin's newest sample, stored but not integrated.
        var backfill = new StringBuilder();
        for (var t = 600; t < 660; t++) backfill.Append(Line(t, 100.4 + Noise() + 0.5, 9000, true, 10, 4, 6200, 500));
        await Post(backfill.ToString(), "ms");

        // Alerts are evaluated after the batch is applied; wait for the warning rather than for a fixed time.
        var twin = await Eventually(async () =>
        {
            var t = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}");
            return t.GetProperty("openAlerts").EnumerateArray().Any(a => a.GetProperty("ruleId").GetString() == "cutter-wear-warning") ? t : default;
        });
        var kpis = twin.GetProperty("tbm");

        // New ground 100 → 100.5 m. The data spans at most one shift boundary, so shift + previous shift hold all of it.
        // Summing positive changes would count the re-bored 0.3 m and ≈ 0.4 m of noise as well (≈ 1.2 m).
        var shift = kpis.GetProperty("shift");
        var previous = kpis.GetProperty("previousShift");
        var advance = shift.GetProperty("advanceM").GetDouble() + (previous.ValueKind == JsonValueKind.Object ? previous.GetProperty("advanceM").GetDouble() : 0);
        advance.Should().BeApproximately(0.5, 0.02);

        // The production day of a UTC+8 site starts with its 06:00 local shift = 22:00 UTC (a UTC calendar would say 06:00).
        DateTimeOffset.Parse(kpis.GetProperty("day").GetProperty("start").GetString()!, CultureInfo.InvariantCulture).UtcDateTime.Hour.Should().Be(22);

        // Creeping at 0.05 mm/rev: the ratios over penetration are absent, thrust per cutter is not.
        kpis.GetProperty("fieldPenetrationIndex").ValueKind.Should().Be(JsonValueKind.Null);
        kpis.GetProperty("specificEnergyMjPerM3").ValueKind.Should().Be(JsonValueKind.Null);
        kpis.GetProperty("torqueRatio").ValueKind.Should().Be(JsonValueKind.Null);
        kpis.GetProperty("thrustPerCutterKn").GetDouble().Should().BeApproximately(2000 / 31.0, 1e-9);

        // The restart did not stop classification: 9000 closed by the reset, 1 closed by 2, 2 open.
        var strokes = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/strokes")).EnumerateArray().Select(s => s.GetProperty("stroke").GetInt64());
        strokes.Should().Equal(9000, 1, 2);
        var stored = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT stroke FROM tbm_stroke WHERE id = '{id}'");
        stored.Select(r => r["stroke"].GetInt64()).Should().BeEquivalentTo([9000L, 1L]);

        // Every accepted line is in InfluxDB, the late and back-filled ones included (1,800 + 61 + 1 late + 60 back-filled).
        var raw = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT count(chainage_m) FROM tbm WHERE id = '{id}'");
        raw.Single()["count"].GetInt64().Should().Be(600 + 540 + 600 + 61 + 60, "the late line at 300 s overwrites the point it repeats");

        // Gauge cutter at 83 % of its registered 12 mm: an early (minor) warning, no limit alert.
        var open = twin.GetProperty("openAlerts").EnumerateArray().ToList();
        open.Should().ContainSingle(a => a.GetProperty("ruleId").GetString() == "cutter-wear-warning")
            .Which.GetProperty("severity").GetString().Should().Be("minor");
        open.Should().NotContain(a => a.GetProperty("ruleId").GetString() == "cutter-wear-limit");
        var cutters = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{id}/cutters")).EnumerateArray().ToDictionary(c => c.GetProperty("position").GetInt32());
        (cutters[30].GetProperty("class").GetString(), cutters[30].GetProperty("limitMm").GetDouble()).Should().Be(("gauge", 12.0));
        (cutters[10].GetProperty("class").GetString(), cutters[10].GetProperty("remainingMm").GetDouble()).Should().Be(("face", 5.0));
    }

    [Fact]
    public async Task Ack_UnknownAlert_Returns404()
    {
        using var response = await platform.Dashboard.PostAsJsonAsync("/api/alerts/nobody:main-bearing-temp-high:1/ack", new { by = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Register_InvalidParameters_Returns400NamingTheProblem()
    {
        using var response = await platform.Dashboard.PutAsJsonAsync("/api/equipment/bad-tbm", new { kind = "tbm", tbm = new { cutterCount = 0 } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("cutter");
    }

    [Fact]
    public async Task Runs_TruckClimbsThenParks_RunClosedWithDistanceAscentAndEnergy()
    {
        var id = "run-truck-" + Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var body = new StringBuilder();

        // 20 minutes at 60 km/h (20 km) climbing 2.5 m per 100 m (500 m) at 80 kW, then 15 minutes parked.
        for (var s = 0; s <= 1200; s += 10)
        {
            var km = s / 60.0;
            body.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=test odometer_km={1000 + km},altitude_m={1000 + (km * 25)},speed_kmh=60,power_kw=80,soc_pct={80 - (s / 120.0)},battery_temp_c=20 {(start.AddSeconds(s).ToUnixTimeMilliseconds())}\n");
        }

        for (var s = 1210; s <= 2100; s += 30)
        {
            body.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=test odometer_km=1020,altitude_m=1500,speed_kmh=0,power_kw=0,soc_pct=70,battery_temp_c=19 {(start.AddSeconds(s).ToUnixTimeMilliseconds())}\n");
        }

        await Post(body.ToString(), "ms");

        var runs = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs");
        var run = runs.EnumerateArray().First();
        run.GetProperty("end").ValueKind.Should().NotBe(JsonValueKind.Null);
        run.GetProperty("distanceKm").GetDouble().Should().BeApproximately(20, 0.01);
        run.GetProperty("ascentM").GetDouble().Should().BeApproximately(500, 10);
        // 80 kW for 1,200 s = 26.67 kWh.
        run.GetProperty("energyKwh").GetDouble().Should().BeApproximately(26.67, 0.2);
        run.GetProperty("minSocPct").GetDouble().Should().BeApproximately(70, 0.01);
        (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT distance_km FROM truck_run WHERE id = '{id}'")).Should().ContainSingle();
    }

    private async Task Post(string lines, string precision = "ns")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v2/write?org=o&bucket=equipment&precision={precision}") { Content = new StringContent(lines) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        using var response = await Eventually(async () =>
        {
            var r = await platform.Gateway.SendAsync(Clone(request));
            return r.StatusCode == HttpStatusCode.NoContent ? r : null;
        });
    }

    private static HttpRequestMessage Clone(HttpRequestMessage r)
    {
        var copy = new HttpRequestMessage(r.Method, r.RequestUri) { Content = new StringContent(r.Content!.ReadAsStringAsync().Result) };
        copy.Headers.Authorization = r.Headers.Authorization;
        return copy;
    }

    private async Task<List<JsonElement>> Alerts(string state) =>
        (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/alerts?state={state}")).EnumerateArray().ToList();

    /// <summary>Retries while the cluster settles (e.g. after a silo restart), up to 30 s.</summary>
    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) => Eventually(attempt, TimeSpan.FromSeconds(30));

    private static Task<T> Eventually<T>(Func<Task<T?>> attempt, TimeSpan timeout) =>
        Poll.UntilAsync(attempt, timeout, TimeSpan.FromMilliseconds(200));

    private static double Ratio(double p, double f, double t, int n, double r, double d, double m0)
    {
        var alpha = Math.Acos((r - p) / r);
        var theoretical = (0.3 * Math.Tan(alpha / 2) * (f / n) * n * d) + m0;
        return t / theoretical;
    }
}
