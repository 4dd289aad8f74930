using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>The cutter-change plan page in a real browser, on data whose figures are worked out by hand.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CutterPlanPageTests(BrowserPlatformFixture platform)
{
    /// <summary>
    /// The domain's worked example (CutterPlannerTests) through the gateway: a 10-cutter 7 m head (centre 1–2, face 3–8,
    /// gauge 9–10) bores 100 → 200 m in two days; inspections at 100, 150, 200 m where position i wore i mm per 100 m
    /// and position 6 (blocked) 18 mm; next stop registered at 400 m. Writes cutter-plan.png to EQUIPMENT_SCREENSHOTS_DIR
    /// (docs/screenshots when refreshed) or the test output.
    /// </summary>
    [Fact]
    public async Task CutterPlanPage_WorkedExampleHead_ShowsDueDiscsPaceAndTheAbnormalFlag()
    {
        var id = TestIds.New("plan");
        using (var register = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "tbm",
            name = "TBM Plan",
            site = "plan-site",
            tbm = new
            {
                cutterCount = 10,
                cutterheadDiameterM = 7.0,
                cutterClasses = new { centreCount = 2, gaugeCount = 2 },
                cutterWearLimitMm = new { centre = 20, face = 25, gauge = 15 },
                nextMaintenanceStop = new { chainageM = 400.0 },
            },
        }))
        {
            register.StatusCode.Should().Be(HttpStatusCode.OK, await register.Content.ReadAsStringAsync());
        }

        await TelemetrySeeder.PostAsync(platform, Lines(id, DateTimeOffset.UtcNow.AddDays(-2).AddHours(-1)));
        var page = await platform.SignedInPageAsync("W. Li (wear engineer)", $"#/cutterplan/{id}");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        var rows = page.Locator("table.plan tbody tr");
        await Expect(rows).ToHaveCountAsync(10, new() { Timeout = 30_000 });
        // Sorted by chainage at limit: 6 (238.9 m), 10 (250.0), 9 (266.7), 8, 7, 5, 4, 3, 2, 1 (2,100 m).
        await Expect(page.Locator("table.plan tbody tr td:first-child")).ToHaveTextAsync(["6", "10", "9", "8", "7", "5", "4", "3", "2", "1"], new() { Timeout = 30_000 });
        var six = page.Locator("tr[data-position='6']");
        await Expect(six).ToHaveAttributeAsync("data-abnormal", "true");
        await Expect(six).ToHaveAttributeAsync("data-due", "true");
        await Expect(six.Locator(".flag-abnormal")).ToBeVisibleAsync();
        await Expect(six.Locator("[data-col='limit-at']")).ToHaveTextAsync("238.9");
        await Expect(page.Locator(".flag-abnormal")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-due='true']")).ToHaveCountAsync(3);
        await Expect(page.Locator("#plan-discs")).ToHaveTextAsync("3");
        await Expect(page.Locator("#plan-discs-by-class")).ToHaveTextAsync("centre 0 · face 1 · gauge 2");
        await Expect(page.Locator("#plan-abnormal")).ToHaveTextAsync("6");
        await Expect(page.Locator("#plan-pace")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(49\.[5-9]|50\.[0-5]) m/day$"));
        await Expect(page.Locator("#plan-stop")).ToHaveTextAsync("400.0 m");
        // Projected 8.36 × 10⁻⁴ discs/m³ = 0.84 per 1,000 m³.
        await Expect(page.Locator("#plan-projected")).ToHaveTextAsync("0.84");

        var folder = Environment.GetEnvironmentVariable("EQUIPMENT_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Mouse.MoveAsync(820, 27);
        var file = Path.Combine(folder, "cutter-plan.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        new FileInfo(file).Length.Should().BeGreaterThan(10_000);
        errors.Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    private static IEnumerable<string> Lines(string id, DateTimeOffset start)
    {
        var startMs = start.ToUnixTimeMilliseconds();
        var noise = new Random(11);
        const int totalS = 2 * 86_400;
        for (var t = 0; t <= totalS; t += 30)
        {
            var chainage = 100 + (100.0 * t / totalS) + ((noise.NextDouble() - 0.5) * 0.004);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"tbm,id={id},site=plan-site chainage_m={chainage:F4},rpm=6,boring=true,thrust_kn=9000,torque_knm=1500,penetration_mm_rev=8 {startMs + (t * 1000L)}");
            if (t % 86_400 != 0) continue;
            for (var i = 1; i <= 10; i++)
            {
                var wear = (i == 6 ? 18.0 : i) * t / totalS;
                yield return string.Create(CultureInfo.InvariantCulture, $"tbm_cutter,id={id},site=plan-site,position={i} wear_mm={wear:F4} {startMs + (t * 1000L)}");
            }
        }
    }
}
