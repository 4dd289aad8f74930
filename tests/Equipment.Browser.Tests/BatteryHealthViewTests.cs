using Equipment.Testing;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>
/// The battery-health view in Chromium with data whose figures are worked out here: truck A charges 126.04 Ah at
/// 380 V from 20 to 70 % (a 252.08 Ah pack: SOH 92.0 % of 274 Ah), its cell spread widens from 100 to 170 mV,
/// insulation 150 kΩ at 380 V (395 Ω/V); then A and B drive Ya'an → Tianquan (30 km, 170 m up) at 40 and 30 kW.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BatteryHealthViewTests(BrowserPlatformFixture platform)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task BatteryView_ChargeAndTwoDrives_ShowsSohSessionSpreadAndRankedEnergy()
    {
        var a = TestIds.New("bat");
        var b = TestIds.New("bat");
        var fleet = TestIds.New("bh-fleet");
        await TelemetrySeeder.RegisterAsync(platform.Dashboard, a, "truck", "E-Truck A · aged pack", fleet);
        await TelemetrySeeder.RegisterAsync(platform.Dashboard, b, "truck", "E-Truck B", fleet);
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        t0 = t0.AddTicks(-(t0.Ticks % TimeSpan.TicksPerSecond));
        await TelemetrySeeder.PostAsync(platform, Lines(a, fleet, t0, 40, charge: true));
        await TelemetrySeeder.PostAsync(platform, Lines(b, fleet, t0, 30, charge: false));

        var health = await Eventually(async () =>
        {
            var h = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{a}/battery-health");
            return h.GetProperty("sohPct").ValueKind == JsonValueKind.Number ? (JsonElement?)h : null;
        });
        health!.Value.GetProperty("sohPct").GetDouble().Should().BeApproximately(92.0, 0.01);
        health.Value.GetProperty("cellSpreadMv").GetDouble().Should().Be(170);
        var energy = await Eventually(async () =>
        {
            var e = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/fleets/{fleet}/energy");
            return e.GetProperty("byTruck").GetArrayLength() == 2 ? (JsonElement?)e : null;
        });
        var rows = energy!.Value.GetProperty("byTruck").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("key").GetString()).Should().Equal(b, a);
        // 15 (B) and 20 kWh (A) for 170 m and 30 km; the altitude filter may leave a few metres of the climb uncounted.
        rows[0].GetProperty("kwhPer1000mClimb").GetDouble().Should().BeApproximately(15.04 / 0.170, 4);
        rows[1].GetProperty("kwhPer1000mClimb").GetDouble().Should().BeApproximately(20.06 / 0.170, 5);
        rows[1].GetProperty("kwhPer100Km").GetDouble().Should().BeApproximately(20.06 / 30 * 100, 1);

        var page = await platform.SignedInPageAsync("L. Wang (fleet manager)", $"#/battery/{a}");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await Expect(page.Locator("[data-figure=soh] b")).ToContainTextAsync("92.0 %", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-figure=capacity] b")).ToContainTextAsync("252.1");
        await Expect(page.Locator("[data-figure=spread] b")).ToHaveTextAsync("170");
        await Expect(page.Locator("[data-figure=insulation] b")).ToContainTextAsync("395 Ω/V");
        var session = page.Locator("[data-table=sessions] tbody tr");
        await Expect(session).ToHaveCountAsync(1);
        await Expect(session.First).ToContainTextAsync("20 → 70");
        await Expect(session.First).ToContainTextAsync("47.9");
        var byTruck = page.Locator("[data-table=energy-trucks] tbody tr");
        await Expect(byTruck).ToHaveCountAsync(2);
        await Expect(byTruck.Nth(0)).ToContainTextAsync(b);
        await Expect(byTruck.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync(rows[0].GetProperty("kwhPer1000mClimb").GetDouble().ToString("N1", Inv));
        await Expect(byTruck.Nth(1)).ToContainTextAsync(a);
        await Expect(page.Locator("[data-table=energy-legs] tbody tr").First).ToContainTextAsync("Ya'an → Tianquan");
        await Expect(page.Locator("[data-chart=spread]")).Not.ToHaveAttributeAsync("data-points", "0");
        await Expect(page.Locator("[data-chart=spread] canvas")).ToBeVisibleAsync();

        var csv = await page.EvaluateAsync<string>($"() => fetch('/api/fleets/{fleet}/energy?format=csv').then(r => r.text())");
        csv.Split('\n')[1].Should().StartWith($"truck,\"{b}\",1,1,1,");

        var folder = Environment.GetEnvironmentVariable("EQUIPMENT_SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "battery-health.png"), FullPage = true });
        errors.Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// 0–3,600 s charging (charging=1) at −126.04 A, 380 V; 3,610–3,900 s not charging; 3,900–5,700 s driving 60 km/h
    /// from odometer 140 (Ya'an) to 170, 600 → 770 m, at <paramref name="driveKw"/>; then 15 min standing.
    /// Cell spread 100 → 170 mV over the whole time, insulation 150 kΩ.
    /// </summary>
    private static List<string> Lines(string id, string fleet, DateTimeOffset t0, double driveKw, bool charge)
    {
        var lines = new List<string>();
        for (var t = charge ? 0 : 3900; t <= 6600; t += 10)
        {
            var ms = t0.AddSeconds(t).ToUnixTimeMilliseconds();
            var spread = 100 + (70.0 * t / 6600);
            var cells = $"cell_voltage_max_v=3.95,cell_voltage_min_v={(3.95 - (Math.Round(spread) / 1000)).ToString("0.000", Inv)},insulation_kohm=150,battery_temp_c=25,battery_temp_min_c=23";
            string fields;
            if (t <= 3600)
            {
                fields = $"soc_pct={(20 + (50.0 * t / 3600)).ToString("0.000", Inv)},battery_current_a=-126.04,battery_voltage_v=380,charging=1i,speed_kmh=0,odometer_km=140";
            }
            else if (t < 3900)
            {
                fields = "soc_pct=70,battery_current_a=0,battery_voltage_v=380,charging=3i,speed_kmh=0,odometer_km=140";
            }
            else if (t <= 5700)
            {
                var f = (t - 3900) / 1800.0;
                fields = $"speed_kmh=60,odometer_km={(140 + (30 * f)).ToString("0.000", Inv)},altitude_m={(600 + (170 * f)).ToString("0.0", Inv)},power_kw={driveKw.ToString(Inv)}";
            }
            else
            {
                fields = "speed_kmh=0,odometer_km=170,altitude_m=770,power_kw=0";
            }

            lines.Add($"truck,id={id},fleet={fleet} {fields},{cells} {ms}");
        }

        return lines;
    }

    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) =>
        Poll.UntilAsync(attempt, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300));
}
