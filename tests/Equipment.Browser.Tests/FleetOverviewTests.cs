using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>
/// The overview with 20,040 machines registered: the first screen is one page of cards and the fleet's counts, not
/// the whole fleet. The time to it is printed (not asserted: this machine is shared); the page's size is asserted.
/// </summary>
[Collection(FleetScaleCollection.Name)]
public sealed class FleetOverviewTests(FleetScaleFixture platform, ITestOutputHelper output)
{
    private const int Total = FleetScaleFixture.Trucks + FleetScaleFixture.Tbms;

    [Fact]
    public async Task Overview_TwentyThousandMachines_FirstScreenIsOnePageWithFleetCountsAndSearch()
    {
        output.WriteLine($"registered {Total} machines through the gateway in {platform.RegistrationTime.TotalSeconds:F1} s");
        var page = await platform.SignedInPageAsync("Fleet Supervisor", "#/overview");
        await Expect(page.Locator("#view[data-ready='1'] [data-machine]").First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // Timed: a fresh load of the app straight onto the overview (signed in by the session cookie).
        await page.GotoAsync("about:blank");
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(platform.DashboardUrl + "/#/overview");
        await page.WaitForSelectorAsync("#view[data-ready='1'] [data-machine]", new() { Timeout = 60_000 });
        var firstScreen = clock.Elapsed;
        var nodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
        output.WriteLine($"overview first screen {firstScreen.TotalMilliseconds:F0} ms with {Total} machines; {nodes} DOM nodes");

        await Expect(page.Locator("[data-machine]")).ToHaveCountAsync(100);
        await Expect(page.Locator("#page-info")).ToHaveTextAsync($"1–100 of {Total}");
        await Expect(page.Locator("[data-count=trucks]")).ToHaveTextAsync(FleetScaleFixture.Trucks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-count=tbms]")).ToHaveTextAsync(FleetScaleFixture.Tbms.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-machine='fleet-tbm-000']")).ToBeVisibleAsync();
        nodes.Should().BeLessThan(10_000, "one page of cards, not the fleet");

        // The next page continues in id order.
        await page.ClickAsync("#next");
        await Expect(page.Locator("#page-info")).ToHaveTextAsync($"101–200 of {Total}");

        // Search reaches any machine of the fleet, with its values from the directory's summary.
        await page.FillAsync("input[name=q]", "fleet-truck-12345");
        var card = page.Locator("[data-machine='fleet-truck-12345']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-machine]")).ToHaveCountAsync(1);
        await Expect(card.Locator("[data-field=soc_pct]")).ToHaveTextAsync($"{20 + (12345 % 80)}%");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EquipmentApi_PagedAndFiltered_AnsweredFromTheDirectory()
    {
        var fleet = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/equipment?fleet=f07&limit=500");
        fleet.GetProperty("total").GetInt32().Should().Be(FleetScaleFixture.Trucks / 20);
        fleet.GetProperty("items").GetArrayLength().Should().Be(500);
        fleet.GetProperty("items").EnumerateArray().Should().OnlyContain(m => m.GetProperty("fleet").GetString() == "f07");
        var cursor = fleet.GetProperty("nextCursor").GetString();
        var rest = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment?fleet=f07&limit=1000&cursor={cursor}");
        rest.GetProperty("items").GetArrayLength().Should().Be((FleetScaleFixture.Trucks / 20) - 500);
        rest.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
        string.CompareOrdinal(rest.GetProperty("items")[0].GetProperty("id").GetString(), cursor).Should().BePositive();

        var tbms = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/equipment?kind=tbm&limit=10");
        tbms.GetProperty("total").GetInt32().Should().Be(FleetScaleFixture.Tbms);

        var summary = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/equipment/summary");
        summary.GetProperty("trucks").GetInt32().Should().Be(FleetScaleFixture.Trucks);
        summary.GetProperty("fleets").GetArrayLength().Should().Be(20);
        summary.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("count").GetInt32()).Should().Equal(10, 10, 10, 10);

        using var bad = await platform.Dashboard.GetAsync("/api/equipment?limit=0&state=sleeping");
        ((int)bad.StatusCode).Should().Be(400);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("limit").And.Contain("state");
    }
}
