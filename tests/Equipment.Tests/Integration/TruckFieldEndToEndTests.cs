using Equipment.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Equipment.Domain.Routes;

namespace Equipment.Tests.Integration;

/// <summary>
/// Trucks on field-shaped data through the real gateway: a G318 trip out to base camp and back from a T-Box without
/// altitude (noise, a dead-zone gap, out-of-order and re-sent lines), a night parked, a spool replay.
/// </summary>
[Collection(TwinsCollection.Name)]
public sealed class TruckFieldEndToEndTests(TwinsFixture platform)
{
    [Fact]
    public async Task Trip_LhazeToBaseCampAndBackWithoutAltitude_DirectionDerivedAltitudeAndNoFalseRangeAlert()
    {
        var id = "trip-truck-" + Guid.NewGuid().ToString("N")[..8];
        await Register(id, new { routeId = "g318", routeStartOdometerKm = 20_000 - 2525 });
        var start = DateTimeOffset.UtcNow.AddHours(-7);
        var random = new Random(318);
        var lines = new List<(DateTimeOffset At, string Line)>();

        // Out: Lhaze (km 2525) → base camp (2714) at 60 km/h, a line every 10 s; SOC 100 → 60 %.
        var t = start;
        var odometer = 20_000.0;
        for (var km = 2525.0; km <= 2714; km += 1.0 / 6)
        {
            lines.Add((t, Line(id, t, odometer, km, 60, 100 - ((km - 2525) / 189 * 40), ignition: true, random)));
            t = t.AddSeconds(10);
            odometer += 1.0 / 6;
        }

        // A night-like hour at base camp, ignition off, a line every minute.
        for (var m = 0; m < 60; m++)
        {
            lines.Add((t, Line(id, t, odometer, 2714, 0, 60, ignition: false, random)));
            t = t.AddMinutes(1);
        }

        // Back: base camp → km 2600; SOC 60 → 45 %. A 5-minute dead zone (no lines) half way.
        for (var km = 2714.0; km >= 2600; km -= 1.0 / 6)
        {
            var silent = km is < 2660 and > 2655;
            if (!silent) lines.Add((t, Line(id, t, odometer, km, 60, 60 - ((2714 - km) / 114 * 15), ignition: true, random)));
            t = t.AddSeconds(10);
            odometer += 1.0 / 6;
        }

        // Batches of 200 lines; inside each, neighbours swapped now and then (out of order); the T-Box re-sends 30 old lines at the end.
        var ordered = lines.Select(l => l.Line).ToList();
        for (var i = 1; i < ordered.Count; i += 37) (ordered[i - 1], ordered[i]) = (ordered[i], ordered[i - 1]);
        foreach (var chunk in ordered.Chunk(200)) await Post(string.Join('\n', chunk) + "\n");
        await Post(string.Join('\n', lines.Skip(1500).Take(30).Select(l => l.Line)) + "\n");

        var truck = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}")).GetProperty("truck");
        var position = truck.GetProperty("routePosition");
        position.GetProperty("direction").GetInt32().Should().Be(-1, "the truck is on its way back from base camp");
        position.GetProperty("onRoute").GetBoolean().Should().BeTrue();
        position.GetProperty("routeKm").GetDouble().Should().BeApproximately(2600, 2);
        truck.GetProperty("altitudeSource").GetString().Should().Be("derived");
        truck.GetProperty("altitudeM").GetDouble().Should().BeApproximately(KnownRoutes.G318.AltitudeAt(2600), 30);
        truck.GetProperty("lateSamplesIgnored").GetInt64().Should().BeGreaterThanOrEqualTo(30);
        truck.GetProperty("range").GetProperty("targetName").GetString().Should().Be("Lhaze");
        truck.GetProperty("range").GetProperty("reaches").GetBoolean().Should().BeTrue();

        var active = (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=active")).EnumerateArray()
            .Where(a => a.GetProperty("equipmentId").GetString() == id).Select(a => a.GetProperty("ruleId").GetString());
        var cleared = (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=cleared")).EnumerateArray()
            .Where(a => a.GetProperty("equipmentId").GetString() == id).Select(a => a.GetProperty("ruleId").GetString());
        active.Concat(cleared).Should().NotContain("soc-below-route-need", "a full battery covers every G318 leg and 45 % covers km 2600 → Lhaze");

        // The way out is one run: derived altitude climbs Gyatso La (+1,198 m), Gawu La (+898 m) and the last 2 m: 2,098 m.
        var runs = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs")).EnumerateArray().ToList();
        var outbound = runs.First();
        outbound.GetProperty("end").ValueKind.Should().NotBe(JsonValueKind.Null);
        outbound.GetProperty("altitudeSource").GetString().Should().Be("derived");
        outbound.GetProperty("ascentM").GetDouble().Should().BeApproximately(2098, 2098 * 0.03);
        outbound.GetProperty("distanceKm").GetDouble().Should().BeApproximately(189, 1);
    }

    [Fact]
    public async Task Offline_NightParkedWithIgnitionOff_NoAlertWhileASilentDrivingTruckGoesOffline()
    {
        var parked = "parked-truck-" + Guid.NewGuid().ToString("N")[..8];
        var driving = "silent-truck-" + Guid.NewGuid().ToString("N")[..8];
        object[] fastOffline = [new { ruleId = "offline", staleAfterS = 3.0 }];
        await Register(parked, new { routeId = (string?)null }, fastOffline);
        await Register(driving, new { routeId = (string?)null }, fastOffline);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await Post($"truck,id={parked},fleet=field odometer_km=500,speed_kmh=0,soc_pct=80,ignition=false {now}\n" +
                   $"truck,id={driving},fleet=field odometer_km=800,speed_kmh=55,soc_pct=80,ignition=true {now}\n");

        // The sweep that raises "offline" for the silent driving truck has evaluated the parked one too.
        await Eventually(async () => (await Active()).Any(a => a.Equipment == driving && a.Rule == "offline") ? true : (bool?)null);
        (await Active()).Should().NotContain(a => a.Equipment == parked, "a truck parked with its ignition off is not offline");
        var snapshot = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{parked}");
        snapshot.GetProperty("truck").GetProperty("parked").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Runs_SpoolReplayOfTwoHourOldDriveEndingAtALight_SweepDoesNotCloseTheRun()
    {
        var id = "replay-truck-" + Guid.NewGuid().ToString("N")[..8];

        // Not parked when silent (parked silence 0 h), offline after 3 s: the offline alert shows a sweep has run.
        await Register(id, new { routeId = (string?)null, parkedSilenceH = 0.0 }, [new { ruleId = "offline", staleAfterS = 3.0 }]);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var body = new StringBuilder();
        for (var s = 0; s <= 600; s += 10)
            body.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=field odometer_km={100 + (s / 60.0)},speed_kmh=60,power_kw=20 {start.AddSeconds(s).ToUnixTimeMilliseconds()}\n");
        for (var s = 610; s <= 660; s += 10)
            body.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=field odometer_km=110,speed_kmh=0,power_kw=0 {start.AddSeconds(s).ToUnixTimeMilliseconds()}\n");

        await Post(body.ToString());
        await Eventually(async () => (await Active()).Any(a => a.Equipment == id && a.Rule == "offline") ? true : (bool?)null);

        var runs = (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs")).EnumerateArray().ToList();
        runs.Should().ContainSingle().Which.GetProperty("end").ValueKind.Should().Be(JsonValueKind.Null,
            "on the truck's clock it has stood for under a minute plus the seconds since the replay arrived");
    }

    private static string Line(string id, DateTimeOffset t, double odometer, double km, double speed, double soc, bool ignition, Random random)
    {
        var w = KnownRoutes.G318.Waypoints;
        var i = KnownRoutes.G318.SegmentIndex(km);
        var f = Math.Clamp((km - w[i].Km) / (w[i + 1].Km - w[i].Km), 0, 1);
        var lat = w[i].Lat!.Value + (f * (w[i + 1].Lat!.Value - w[i].Lat!.Value)) + (random.NextDouble() - 0.5) * 1e-4;
        var lon = w[i].Lon!.Value + (f * (w[i + 1].Lon!.Value - w[i].Lon!.Value)) + (random.NextDouble() - 0.5) * 1e-4;
        return string.Create(CultureInfo.InvariantCulture,
            $"truck,id={id},fleet=g318 odometer_km={odometer:F3},lat={lat:F6},lon={lon:F6},speed_kmh={speed:F1},soc_pct={soc:F2},ambient_temp_c=-5,battery_temp_c=18,power_kw={(speed > 0 ? 25 : 0)},ignition={(ignition ? "true" : "false")} {t.ToUnixTimeMilliseconds()}");
    }

    private async Task Register(string id, object truck, object[]? rules = null)
    {
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "truck", fleet = "field", truck, rules });
        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Created);
    }

    private async Task<List<(string? Equipment, string? Rule)>> Active() =>
        (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=active")).EnumerateArray()
            .Select(a => (a.GetProperty("equipmentId").GetString(), a.GetProperty("ruleId").GetString())).ToList();

    private async Task Post(string lines)
    {
        await Eventually(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(lines) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            using var response = await platform.Gateway.SendAsync(request);
            return response.StatusCode == HttpStatusCode.NoContent ? true : (bool?)null;
        });
    }

    /// <summary>Retries up to 90 s: a sweep runs every 15 s and this machine is shared.</summary>
    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) =>
        Poll.UntilAsync(attempt, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(250));
}
