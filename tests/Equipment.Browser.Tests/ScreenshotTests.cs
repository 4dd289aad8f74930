using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>
/// Every view at 1366×768 with a realistic fleet: each must render without a script error, and its PNG is written to
/// the test output (and to EQUIPMENT_SCREENSHOTS_DIR when set, which is how docs/screenshots is refreshed).
/// </summary>
[Collection(ScreenshotCollection.Name)]
public sealed class ScreenshotTests(ScreenshotPlatformFixture platform)
{
    [Fact]
    public async Task EveryView_RealisticFleet_RendersWithoutScriptErrorsAndIsCaptured()
    {
        var folder = Environment.GetEnvironmentVariable("EQUIPMENT_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await AcknowledgeAsync("truck-12");
        var page = await platform.SignedInPageAsync("M. Zhang (shift supervisor)", "#/overview");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        await Shot(page, folder, "01-overview", "#/overview", "[data-machine='truck-15'] .mini-route svg");
        await Shot(page, folder, "02-tbm", "#/tbm/tbm-01", "[data-chart='thrust_kn'] canvas", "#cutterhead g.cutter");
        await Shot(page, folder, "03-truck", "#/truck/truck-15", "[data-chart='soc_pct'] canvas", "#profile svg");
        await Shot(page, folder, "04-alerts", "#/alerts", "tr[data-alert-id^='tbm-02:main-bearing-temp-high']");
        await Shot(page, folder, "05-wear", "#/wear", "[data-chart='wear'] canvas");

        // A tablet in landscape: the same views must stay usable at 1024 px.
        await page.SetViewportSizeAsync(1024, 768);
        await Shot(page, folder, "06-tablet-tbm", "#/tbm/tbm-02", "[data-chart='torque_knm'] canvas");
        await page.Context.CloseAsync();

        var signin = await platform.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await signin.GotoAsync(platform.DashboardUrl + "/#/signin");
        await Expect(signin.Locator("input[name=key]")).ToBeVisibleAsync();
        await signin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "00-signin.png") });
        await signin.CloseAsync();

        errors.Should().BeEmpty();
        Directory.GetFiles(folder, "*.png").Should().HaveCountGreaterThanOrEqualTo(7).And.OnlyContain(f => new FileInfo(f).Length > 10_000);
    }

    private static async Task Shot(IPage page, string folder, string name, string hash, params string[] readyWhen)
    {
        await page.EvaluateAsync($"() => {{ location.hash = '{hash}'; }}");
        foreach (var selector in readyWhen)
        {
            await Expect(page.Locator(selector).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }

        // Let the last push and chart layout settle so the picture is not mid-redraw; park the pointer off the cards.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Mouse.MoveAsync(820, 27);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-full.png"), FullPage = true });
    }

    private async Task AcknowledgeAsync(string equipmentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var active = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=active");
            if (active.EnumerateArray().FirstOrDefault(a => a.GetProperty("equipmentId").GetString() == equipmentId) is { ValueKind: JsonValueKind.Object } alert)
            {
                using var response = await platform.Dashboard.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(alert.GetProperty("id").GetString()!)}/ack", new { by = "L. Wang (fleet control)" });
                response.EnsureSuccessStatusCode();
                return;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"an alert of {equipmentId} should be active");
            await Task.Delay(200);
        }
    }
}
