using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>Shelving from the alerts view in a real browser: an alert and a machine's rule, the shelved list, unshelving.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlarmShelvingTests(BrowserPlatformFixture platform)
{
    [Fact]
    public async Task AlertsView_OperatorShelvesAlertAndRule_ShelvedListShowsReasonAndExpiryUnshelveRestores()
    {
        var id = TestIds.New("tbm");
        await platform.PostLinesAsync($"tbm,id={id},site=shelf-site main_bearing_temp_c=95,gear_oil_temp_c=62,thrust_kn=9000\n");
        // Another machine's alert stays in the live list: shelving is per machine.
        await platform.PostLinesAsync($"tbm,id={TestIds.New("tbm")},site=shelf-site hydraulic_oil_temp_c=74,thrust_kn=9000\n");
        var page = await platform.SignedInPageAsync("A. Operator", "#/alerts");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var alertRow = page.Locator($"#alerts-table tr[data-alert-id^='{id}:main-bearing-temp-high:']");
        await Expect(alertRow).ToHaveAttributeAsync("data-state", "active", new() { Timeout = 10_000 });

        // One alert: the reason is required, and the server's 400 is shown in the form.
        await alertRow.Locator("button[data-shelve]").ClickAsync();
        var form = page.Locator("#shelve-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form.Locator(".error")).ToContainTextAsync("reason is required");
        await form.Locator("select[name=minutes]").SelectOptionAsync("60");
        await form.Locator("input[name=reason]").FillAsync("Bearing probe reads 20 K high, replacement ordered (WO-4471)");
        await form.Locator("button[type=submit]").ClickAsync();

        await Expect(form).ToBeHiddenAsync();
        await Expect(alertRow).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        var alertShelf = page.Locator($"#shelved-table tr[data-shelf='{id}:main-bearing-temp-high']");
        await Expect(alertShelf.Locator("[data-reason]")).ToHaveTextAsync("Bearing probe reads 20 K high, replacement ordered (WO-4471)");
        await Expect(alertShelf).ToContainTextAsync("A. Operator");
        await Expect(alertShelf.Locator("[data-until]")).ToContainTextAsync("(in 60 min)");

        // A machine's rule, with no alert open: later raises are shelved too.
        await page.Locator("button[data-shelve-rule]").ClickAsync();
        await form.Locator("select[name=machine]").SelectOptionAsync(id);
        await Expect(form.Locator("select[name=rule] option[value='gear-oil-temp-high']")).ToHaveCountAsync(1);
        await form.Locator("select[name=rule]").SelectOptionAsync("gear-oil-temp-high");
        await form.Locator("select[name=minutes]").SelectOptionAsync("480");
        await form.Locator("input[name=reason]").FillAsync("Gear oil sensor cable cut at ring 412, fitter on the way");
        await form.Locator("button[type=submit]").ClickAsync();
        var ruleShelf = page.Locator($"#shelved-table tr[data-shelf='{id}:gear-oil-temp-high']");
        await Expect(ruleShelf).ToContainTextAsync("rule");
        await Expect(ruleShelf).ToContainTextAsync("normal");

        await platform.PostLinesAsync($"tbm,id={id},site=shelf-site main_bearing_temp_c=95,gear_oil_temp_c=91,thrust_kn=9000\n");
        await Expect(ruleShelf.Locator(".sev")).ToHaveTextAsync("major", new() { Timeout = 10_000 });
        await Expect(page.Locator($"#alerts-table tr[data-alert-id^='{id}:gear-oil-temp-high:']")).ToHaveCountAsync(0);
        var shelved = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=shelved");
        shelved.EnumerateArray().Where(a => a.GetProperty("equipmentId").GetString() == id).Select(a => a.GetProperty("ruleId").GetString())
            .Should().BeEquivalentTo("main-bearing-temp-high", "gear-oil-temp-high");

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#shelved-panel").ScrollIntoViewIfNeededAsync();
        var folder = Environment.GetEnvironmentVariable("EQUIPMENT_SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var shot = Path.Combine(folder, "alarm-shelving.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        new FileInfo(shot).Length.Should().BeGreaterThan(10_000);

        await alertShelf.Locator("button[data-unshelve]").ClickAsync();
        await Expect(alertShelf).ToHaveCountAsync(0);
        await Expect(alertRow).ToHaveAttributeAsync("data-state", "active", new() { Timeout = 5_000 });
        errors.Should().BeEmpty();
        await page.Context.CloseAsync();
    }
}
