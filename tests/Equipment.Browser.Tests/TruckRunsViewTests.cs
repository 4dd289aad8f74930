using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Testing;
using Equipment.Tests.Integration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>
/// The truck view's run table pages back through the whole history: thirteen closed shuttle runs and an open one
/// (<see cref="ShuttleRuns"/>), of which the twin keeps five; the view shows the newest ten, "Older runs" brings the
/// other four from InfluxDB. Each closed run is 5 km at 36 kW for 300 s: 3.0 + 0.3 kWh.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TruckRunsViewTests(BrowserPlatformFixture platform)
{
    private const int Closed = 13;

    [Fact]
    public async Task TruckView_FourteenRuns_NewestTenThenOlderRunsPagesBackToTheFirst()
    {
        var id = TestIds.New("runs");
        using (var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "truck",
            name = "E-Truck 21 · Lhaze shuttle",
            fleet = "g318-shuttle",
            truck = new { routeId = "g318", routeStartOdometerKm = ShuttleRuns.FirstOdometerKm - ShuttleRuns.FirstKm },
        }))
        {
            response.EnsureSuccessStatusCode();
        }

        var t0 = DateTimeOffset.UtcNow.AddHours(-5);
        await TelemetrySeeder.PostAsync(platform, ShuttleRuns.Lines(id, "g318-shuttle", t0, Closed, 36), chunk: 100);
        await Poll.UntilAsync(
            async () => (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT run_id FROM truck_run WHERE \"id\" = '{id}'")).Count == Closed ? true : (bool?)null,
            TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
        var first = await Poll.UntilAsync(
            async () => (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/runs")).EnumerateArray().ToList() is { Count: Closed + 1 } runs ? runs[0] : (JsonElement?)null,
            TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));

        var page = await platform.SignedInPageAsync("L. Wang (fleet manager)", $"#/truck/{id}");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var rows = page.Locator("[data-table=runs] tbody tr");
        await Expect(rows).ToHaveCountAsync(10, new() { Timeout = 15_000 });
        await Expect(rows.First).ToHaveAttributeAsync("data-run-id", "14");
        await Expect(rows.First).ToContainTextAsync("open");
        await Expect(rows.Last).ToHaveAttributeAsync("data-run-id", "5");
        await Expect(page.Locator("#runs-info")).ToHaveTextAsync("10 runs, newest first");

        await page.Locator("#older-runs").ClickAsync();
        await Expect(rows).ToHaveCountAsync(Closed + 1, new() { Timeout = 15_000 });
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.runId)")).Should().Equal(Enumerable.Range(1, Closed + 1).Reverse().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await Expect(page.Locator("#older-runs")).ToBeHiddenAsync();
        await Expect(page.Locator("#runs-info")).ToHaveTextAsync("14 runs, the whole history");

        // Run 1 came from truck_run only (the twin keeps runs 9–13): its leg, 5.0 km and 3.3 kWh as stored.
        var oldest = rows.Last.Locator("td");
        await Expect(oldest.Nth(3)).ToHaveTextAsync(first!.Value.GetProperty("leg").GetString()!);
        await Expect(oldest.Nth(4)).ToHaveTextAsync("5.0");
        await Expect(oldest.Nth(8)).ToHaveTextAsync("3.3");

        var folder = Environment.GetEnvironmentVariable("EQUIPMENT_SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "truck-runs.png"), FullPage = true });
        errors.Should().BeEmpty();
        await page.Context.CloseAsync();
    }
}
