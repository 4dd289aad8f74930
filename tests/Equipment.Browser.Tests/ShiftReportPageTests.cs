using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static System.FormattableString;

namespace Equipment.Browser.Tests;

/// <summary>
/// The shift report page in Chromium with a shift whose figures are worked out here: the tiles, the time-use table,
/// an operator changing a stop's reason, a one-page A4 print, and the screenshot docs/screenshots/shift-report.png
/// (written to EQUIPMENT_SCREENSHOTS_DIR when set, else the test output).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShiftReportPageTests(BrowserPlatformFixture platform)
{
    private const string Id = "br-shift-1";

    // Asia/Shanghai, 8 h shifts from 06:00 local: shift 1 of 2 March 2026 = 1 March 22:00Z – 2 March 06:00Z.
    private static readonly DateTimeOffset ShiftStart = new(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ShiftReportPage_WorkedShift_ShowsFiguresChangesReasonAndPrintsOneA4Page()
    {
        await Seed();
        var page = await platform.SignedInPageAsync("K. Liu (shift boss)", $"#/shift/{Id}/2026-03-02/1");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await Expect(page.Locator("#sr-timeuse")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Boring 1,800 + 1,800 + 1,199 + 60 = 4,859 s of 28,800 → 16.9 %; advance 102.3995 − 100 m of 18 × 8/24 = 6 m.
        await Expect(page.Locator("#sr-advance")).ToHaveTextAsync("2.40");
        await Expect(page.Locator("#sr-ofplan")).ToHaveTextAsync("40.0 %");
        await Expect(page.Locator("#sr-utilisation")).ToHaveTextAsync("16.9 %");
        await Expect(page.Locator("#sr-strokes")).ToHaveTextAsync("2");
        await Expect(page.Locator("tr[data-class='boring'] td").Nth(2)).ToHaveTextAsync("4,859");
        await Expect(page.Locator("tr[data-class='regrip'] td").Nth(2)).ToHaveTextAsync("180");
        await Expect(page.Locator("tr[data-class='haulage'] td").Nth(2)).ToHaveTextAsync("1,859");
        await Expect(page.Locator("tr[data-class='noData'] td").Nth(2)).ToHaveTextAsync("21,902");
        await Expect(page.Locator("#sr-stops tbody tr")).ToHaveCountAsync(1);
        // 400 m to go (target 760 m, at 360 m) at 20 m/day.
        await Expect(page.Locator("#sr-forecast")).ToContainTextAsync("20.00 ± 0.00 m/day");

        // The operator says the haulage stop was a breakdown: the page reloads it, the machine's reason stays beside it.
        await page.Locator("#sr-stops select").SelectOptionAsync("5");
        await Expect(page.Locator("tr[data-class='breakdown'] td").Nth(2)).ToHaveTextAsync("1,859", new() { Timeout = 15_000 });
        await Expect(page.Locator("#sr-stops tbody tr td").Nth(4)).ToHaveTextAsync("Haulage");
        var report = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{Id}/shifts/2026-03-02/1");
        report.GetProperty("longestStops")[0].GetProperty("reason").GetString().Should().Be("breakdown");

        var folder = Environment.GetEnvironmentVariable("EQUIPMENT_SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.Mouse.MoveAsync(1300, 740);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "shift-report.png"), FullPage = true });

        // Print: no navigation or controls, and the whole report on one A4 page.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("#topbar")).ToBeHiddenAsync();
        await Expect(page.Locator("#sr-print")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        File.WriteAllBytes(Path.Combine(folder, "shift-report.pdf"), pdf);
        System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count.Should().Be(1);
        errors.Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    private async Task Seed()
    {
        using (var register = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{Id}", new
        {
            kind = "tbm",
            name = "TBM Laizhou 3",
            site = "browser",
            tbm = new { siteTimeZone = "Asia/Shanghai", advanceTargetMPerDay = 18.0, targetChainageM = 760.0 },
        }))
        {
            register.StatusCode.Should().Be(HttpStatusCode.OK, await register.Content.ReadAsStringAsync());
        }

        var lines = new List<string>();
        var t = ShiftStart;
        var c = 100.0;
        void Bore(int seconds, int stroke)
        {
            for (var s = 0; s < seconds; s++, t = t.AddSeconds(1), c += 0.0005)
            {
                lines.Add(Invariant($"tbm,id={Id},site=browser chainage_m={Math.Round(c, 4)},stroke={stroke}i,thrust_kn=9000,torque_knm=1500,rpm=6,penetration_mm_rev=5,advance_mm_min=30,boring=true {t.ToUnixTimeMilliseconds()}"));
            }
        }

        void Stand(int seconds, int stroke, int? reason)
        {
            for (var s = 0; s < seconds; s++, t = t.AddSeconds(1))
            {
                lines.Add(Invariant($"tbm,id={Id},site=browser chainage_m={Math.Round(c, 4)},stroke={stroke}i,thrust_kn=300,torque_knm=0,rpm=0,penetration_mm_rev=0,advance_mm_min=0,boring=false{(reason is { } r ? $",stop_reason={r}i" : "")} {t.ToUnixTimeMilliseconds()}"));
            }
        }

        Bore(1800, 1);
        Stand(180, 1, null);
        Bore(1800, 2);
        Stand(1800, 2, 3);
        t = t.AddSeconds(420);
        Bore(1200, 3);
        foreach (var chunk in lines.Chunk(2000)) await platform.PostLinesAsync(string.Join('\n', chunk));

        // For the forecast: a reading in the middle of each of the nine production days before today: 200 … 360 m.
        var now = DateTimeOffset.UtcNow;
        var todayStart = new DateTimeOffset(now.UtcDateTime.Date.AddHours(22), TimeSpan.Zero);
        if (todayStart > now) todayStart = todayStart.AddDays(-1);
        await platform.PostLinesAsync(string.Join('\n', Enumerable.Range(1, 9).Reverse()
            .Select(k => Invariant($"tbm,id={Id},site=browser chainage_m={200 + (9 - k) * 20}.0,boring=false {todayStart.AddDays(-k).AddHours(12).ToUnixTimeMilliseconds()}"))));
    }
}
