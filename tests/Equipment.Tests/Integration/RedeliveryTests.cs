using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Equipment.Tests.Integration;

/// <summary>
/// Redelivery through the real gateway and silo: InfluxDB is killed while a TBM and a truck write, so every grain
/// call fails after its twin applied the lines and the spool delivers the records again (several times, with
/// backoff) until InfluxDB is back. Twins fed this way must end exactly like twins fed the same data without a
/// failure, and InfluxDB must hold the same points, derived ones included.
/// </summary>
[Collection(RedeliveryCollection.Name)]
public sealed class RedeliveryTests(RedeliveryFixture platform)
{
    [Fact]
    public async Task Ingest_InfluxWriteFailsAfterTwinApplied_RedeliveryLeavesEveryTwinFigureAsWithoutFailure()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var (tbmRef, tbmDup, truckRef, truckDup) = ($"rd-tbm-ref-{suffix}", $"rd-tbm-dup-{suffix}", $"rd-truck-ref-{suffix}", $"rd-truck-dup-{suffix}");
        foreach (var id in new[] { tbmRef, tbmDup })
        {
            await Register(id, new { kind = "tbm", name = id, site = "redelivery", tbm = new { cutterCount = 50, cutterRadiusMm = 241.3, cutterheadDiameterM = 7, idleTorqueKnm = 180, torqueRatioBand = new[] { 0.35, 0.57 } } });
        }

        // Without failure: the reference twins.
        await WriteAll(tbmRef, truckRef, start);
        await WaitDelivered();

        // The same data while InfluxDB is down: accepted (spooled), applied by the twins, not stored, retried.
        var retriesBefore = await Stat("deliveryRetries");
        platform.Influx.Kill();
        await WriteAll(tbmDup, truckDup, start);
        await Until(async () => await Stat("deliveryRetries") >= retriesBefore + 10, "the deliverer retried the failed calls");
        await platform.Influx.StartAsync(TimeSpan.FromSeconds(30));
        await WaitDelivered();

        // Every twin figure: strokes (with their sample counts and means), KPIs, runs, live fields and point counts.
        (await Json($"/api/tbm/{tbmDup}/strokes")).Should().Be(await Json($"/api/tbm/{tbmRef}/strokes"));
        (await Json($"/api/trucks/{truckDup}/runs")).Should().Be(await Json($"/api/trucks/{truckRef}/runs"));
        foreach (var (reference, redelivered) in new[] { (tbmRef, tbmDup), (truckRef, truckDup) })
        {
            var a = await Platform(reference);
            var b = await Platform(redelivered);
            b.GetProperty("pointsReceived").GetInt64().Should().Be(a.GetProperty("pointsReceived").GetInt64(), redelivered);
            Figures(b).Should().Be(Figures(a), redelivered);
            FieldValues(b).Should().Be(FieldValues(a), redelivered);
            if (b.GetProperty("tbm") is { ValueKind: JsonValueKind.Object } kpis)
            {
                // Boring time over the shift's time until now, read a moment apart: equal up to that moment.
                var (expected, actual) = (a.GetProperty("tbm").GetProperty("shiftUtilisation"), kpis.GetProperty("shiftUtilisation"));
                if (expected.ValueKind == JsonValueKind.Number)
                {
                    actual.GetDouble().Should().BeApproximately(expected.GetDouble(), 1e-4);
                }
                else
                {
                    actual.GetRawText().Should().Be(expected.GetRawText());
                }
            }
        }

        // InfluxDB has every point once per series and time, and the derived points the failed writes lost.
        foreach (var (measurement, field, reference, redelivered) in new[]
        {
            ("tbm", "thrust_kn", tbmRef, tbmDup), ("tbm_stroke", "samples", tbmRef, tbmDup),
            ("truck", "soc_pct", truckRef, truckDup), ("truck_run", "distance_km", truckRef, truckDup),
        })
        {
            var expected = await Count(measurement, field, reference);
            expected.Should().BePositive(measurement);
            (await Count(measurement, field, redelivered)).Should().Be(expected, measurement);
        }
    }

    /// <summary>A TBM boring 12 strokes with standstills, noisy readings, a gap and a late sample; a truck climbing 20 km then parked; in 10-line requests.</summary>
    private async Task WriteAll(string tbm, string truck, DateTimeOffset start)
    {
        var random = new Random(7);
        var lines = new List<string>();
        var t = start;
        var chainage = 1200.0;
        for (var stroke = 1; stroke <= 12; stroke++)
        {
            for (var s = 0; s < 40; s++)
            {
                var penetration = 8 + (random.NextDouble() * 2) + (stroke % 3);
                var rpm = 6 + (random.NextDouble() * 0.2);
                chainage += penetration * rpm / 60_000;
                lines.Add(Invariant($"tbm,id={tbm},site=redelivery chainage_m={chainage:F4},stroke={stroke}i,thrust_kn={12000 + (random.NextDouble() * 800):F1},torque_knm={2100 + (random.NextDouble() * 300):F1},rpm={rpm:F3},penetration_mm_rev={penetration:F3},advance_mm_min={penetration * rpm:F2},boring=true {Ms(t)}"));
                // A gap of a minute mid-drive (radio outage) on stroke 5.
                t = t.AddSeconds(stroke == 5 && s == 20 ? 60 : 1);
            }

            for (var s = 0; s < 10; s++)
            {
                lines.Add(Invariant($"tbm,id={tbm},site=redelivery chainage_m={chainage:F4},stroke={stroke}i,thrust_kn=300,torque_knm=0,rpm=0,penetration_mm_rev=0,advance_mm_min=0,boring=false,stop_reason=2i {Ms(t)}"));
                t = t.AddSeconds(3);
            }
        }

        // A late sample from stroke 3 arrives at the end (out of order).
        lines.Add(Invariant($"tbm,id={tbm},site=redelivery main_bearing_temp_c=48.5 {Ms(start.AddSeconds(130))}"));

        for (var s = 0; s <= 1200; s += 10)
        {
            var km = s / 60.0;
            lines.Add(Invariant($"truck,id={truck},fleet=redelivery odometer_km={1000 + km},altitude_m={1000 + (km * 25) + (random.NextDouble() - 0.5)},speed_kmh=60,power_kw={80 + (random.NextDouble() * 4):F2},soc_pct={80 - (s / 120.0)},battery_temp_c=20,ignition=true {Ms(start.AddSeconds(s))}"));
        }

        for (var s = 1210; s <= 2100; s += 30)
        {
            lines.Add(Invariant($"truck,id={truck},fleet=redelivery odometer_km=1020,altitude_m=1500,speed_kmh=0,power_kw=0,soc_pct=70,battery_temp_c=19,ignition=false {Ms(start.AddSeconds(s))}"));
        }

        foreach (var request in lines.Chunk(10))
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(string.Join('\n', request)) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            using var response = await platform.Gateway.SendAsync(message);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task Register(string id, object registration)
    {
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", registration);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task WaitDelivered() => Until(async () =>
    {
        var spool = (await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats")).GetProperty("spool");
        return spool.GetProperty("bytes").GetInt64() == 0;
    }, "the spool delivered everything");

    private async Task<long> Stat(string name) => (await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats")).GetProperty(name).GetInt64();

    private async Task<string> Json(string path) => (await platform.Dashboard.GetFromJsonAsync<JsonElement>(path)).GetRawText();

    private async Task<JsonElement> Platform(string id) => await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}");

    /// <summary>Figures measured against the wall clock: when evaluated, when telemetry last arrived, standstill until now, utilisation of the period until now.</summary>
    private static readonly string[] WallClock = ["at", "lastTelemetryAt", "standstillS", "shiftUtilisation", "dayUtilisation"];

    /// <summary>The twin's KPIs, without what depends on the wall clock (when they were evaluated, when telemetry last arrived, time stood still until now), which differs by when each machine wrote.</summary>
    private static string Figures(JsonElement state)
    {
        var kpis = state.TryGetProperty("tbm", out var tbm) && tbm.ValueKind == JsonValueKind.Object ? tbm : state.GetProperty("truck");
        return string.Join(", ", kpis.EnumerateObject().Where(p => !WallClock.Contains(p.Name)).Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    /// <summary>Every field's last value and time.</summary>
    private static string FieldValues(JsonElement state) => state.GetProperty("fields").GetRawText();

    private async Task<long> Count(string measurement, string field, string id)
    {
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT count({field}) FROM {measurement} WHERE id = '{id}'");
        return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within 120 s: {what}");
            }

            await Task.Delay(250);
        }
    }

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
