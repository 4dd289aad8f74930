using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>The web UI against the running platform: telemetry posted to the gateway shows up in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveDashboardTests(BrowserPlatformFixture platform)
{
    [Fact]
    public async Task Overview_TelemetryPostedBeforeAndAfterLoading_ShowsBothMachinesWithTheirValues()
    {
        var before = TestIds.New("tbm");
        var after = TestIds.New("truck");
        await platform.PostLinesAsync($"tbm,id={before},site=ov-site thrust_kn=12345,torque_knm=1500,rpm=6,boring=true,chainage_m=100\n");
        var page = await platform.SignedInPageAsync("Overview User", "#/overview");

        var tbmCard = page.Locator($"[data-machine='{before}']");
        await Expect(tbmCard).ToBeVisibleAsync();
        await Expect(tbmCard.Locator("[data-field=thrust_kn]")).ToHaveTextAsync("12,345");
        await Expect(page.Locator(".group h2", new() { HasText = "Site · ov-site" })).ToBeVisibleAsync();

        // Posted after the page loaded: only the SignalR push can bring it in.
        await platform.PostLinesAsync($"truck,id={after},fleet=ov-fleet soc_pct=73.4,speed_kmh=41,odometer_km=300\n");
        var truckCard = page.Locator($"[data-machine='{after}']");
        await Expect(truckCard).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(truckCard.Locator("[data-field=soc_pct]")).ToHaveTextAsync("73%");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TruckView_LowChargeStandingAtLitangThenDrivingOn_AsksToChargeThereThenSaysRunsShort()
    {
        // Odometer 643 with the default registration = Litang (km 643), 30 %: Batang needs more, but Litang has a charger.
        var id = TestIds.New("truck");
        await platform.PostLinesAsync($"truck,id={id},fleet=range-fleet soc_pct=30,speed_kmh=0,odometer_km=643,battery_temp_c=20,ambient_temp_c=0\n");
        var page = await platform.SignedInPageAsync("Range User", $"#/truck/{id}");

        var verdict = page.Locator("#range .range-verdict");
        await Expect(verdict).ToHaveClassAsync(new Regex("\\bwarn\\b"));
        await Expect(verdict).ToContainTextAsync("Charge at Litang");

        await platform.PostLinesAsync($"truck,id={id},fleet=range-fleet soc_pct=29.8,speed_kmh=40,odometer_km=645\n");

        await Expect(verdict).ToHaveClassAsync(new Regex("\\balarm\\b"), new() { Timeout = 10_000 });
        await Expect(verdict).ToContainTextAsync("Runs short Batang");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TbmView_ValuePostedToGateway_GaugeUpdatesWithoutReload()
    {
        var id = TestIds.New("tbm");
        await platform.PostLinesAsync($"tbm,id={id},site=gauge-site thrust_kn=10000,torque_knm=1500,rpm=6,boring=true\n");
        var page = await platform.SignedInPageAsync("Gauge User", $"#/tbm/{id}");
        var thrust = page.Locator("[data-gauge=thrust_kn]");
        await Expect(thrust).ToHaveAttributeAsync("data-value", "10000");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await platform.PostLinesAsync($"tbm,id={id},site=gauge-site thrust_kn=13579.5,torque_knm=1712,rpm=6.2,boring=true\n");

        await Expect(thrust).ToHaveAttributeAsync("data-value", "13579.5");
        await Expect(page.Locator("[data-gauge=torque_knm]")).ToHaveAttributeAsync("data-value", "1712");
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the value must arrive by push, not by a reload");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Alerts_MainBearingOverheats_AppearsWithinFiveSecondsAndAcknowledgementReachesSecondPage()
    {
        var id = TestIds.New("tbm");
        await platform.PostLinesAsync($"tbm,id={id},site=alert-site main_bearing_temp_c=52,thrust_kn=9000\n");
        var operatorPage = await platform.SignedInPageAsync("Alice Operator", "#/alerts");
        var supervisorPage = await platform.SignedInPageAsync("Bob Supervisor", "#/alerts");
        await Expect(operatorPage.Locator("#alerts-table")).ToBeVisibleAsync();
        await Expect(supervisorPage.Locator("#alerts-table")).ToBeVisibleAsync();

        // main-bearing-temp-high: raise at 75 °C, no minimum duration (BuiltInAlertRules).
        await platform.PostLinesAsync($"tbm,id={id},site=alert-site main_bearing_temp_c=95,thrust_kn=9000\n");

        var selector = $"tr[data-alert-id^='{id}:main-bearing-temp-high:']";
        var row = operatorPage.Locator(selector);
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "active");
        await Expect(supervisorPage.Locator(selector)).ToBeVisibleAsync(new() { Timeout = 5_000 });

        await row.Locator("button[data-ack]").ClickAsync();

        var seenBySupervisor = supervisorPage.Locator(selector);
        await Expect(seenBySupervisor).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 5_000 });
        await Expect(seenBySupervisor.Locator("[data-ack-by]")).ToHaveTextAsync("Alice Operator");
        var acknowledged = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=acknowledged");
        acknowledged.EnumerateArray().Should().Contain(a =>
            a.GetProperty("equipmentId").GetString() == id && a.GetProperty("acknowledgedBy").GetString() == "Alice Operator");
        await operatorPage.Context.CloseAsync();
        await supervisorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task TbmView_RangeWithHistory_DrawsThrustTorqueAndPenetrationCharts()
    {
        var id = TestIds.New("tbm");
        var now = DateTimeOffset.UtcNow;
        await TelemetrySeeder.PostAsync(platform, TelemetrySeeder.Tbm(id, "hist-site", now.AddMinutes(-40), now, 7, 500, TimeSpan.FromSeconds(15)));
        await WaitForHistoryAsync(id, "thrust_kn");

        var page = await platform.SignedInPageAsync("History User", $"#/tbm/{id}");

        foreach (var key in new[] { "thrust_kn", "torque_knm", "penetration_mm_rev" })
        {
            var chart = page.Locator($"[data-chart={key}]");
            await Expect(chart.Locator("canvas")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await Expect(chart).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        }

        await Expect(page.Locator(".stroke-chart rect.st-bar").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator("#cutterhead g.cutter")).ToHaveCountAsync(50, new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithoutToken_RedirectsToSignInPage()
    {
        var context = await platform.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(platform.DashboardUrl + "/#/overview");

        await Expect(page.Locator("input[name=key][type=password]")).ToBeVisibleAsync();
        page.Url.Should().EndWith("#/signin");
        await context.CloseAsync();
    }

    private async Task WaitForHistoryAsync(string id, string field)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await platform.Dashboard.GetAsync($"/api/equipment/{id}/history?fields={field}");
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("times").GetArrayLength() > 0)
            {
                return;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the seeded points should reach InfluxDB");
            await Task.Delay(200);
        }
    }
}
