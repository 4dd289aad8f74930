using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.Browser.Tests;

/// <summary>The web UI's sign-in uses the HttpOnly session cookie, runs under the Content-Security-Policy, and signs out on the server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionSignInTests(BrowserPlatformFixture platform)
{
    [Fact]
    public async Task SignIn_DevToken_UsesHttpOnlyCookieAndKeepsNoKeyInPage()
    {
        var violations = new List<string>();
        var page = await platform.SignedInPageAsync("Cookie User", "#/overview");
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(m.Text); };
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.__liveReady === true", null, new PageWaitForFunctionOptions { Timeout = 15000 });

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "equipment.session");
        var storedKey = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('equipment.token')");
        var scriptSees = await page.EvaluateAsync<string>("() => document.cookie");

        cookie.HttpOnly.Should().BeTrue();
        cookie.SameSite.Should().Be(SameSiteAttribute.Strict);
        storedKey.Should().BeNull("the key was exchanged for the cookie");
        scriptSees.Should().NotContain("equipment.session");
        violations.Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_SignedIn_EndsServerSession()
    {
        var page = await platform.SignedInPageAsync("Leaving User", "#/overview");

        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("input[name=key][type=password]")).ToBeVisibleAsync();
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/api/equipment')).status");

        status.Should().Be(401);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongKey_ShowsErrorAndSetsNoCookie()
    {
        var context = await platform.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(platform.DashboardUrl + "/#/signin");
        await page.FillAsync("input[name=user]", "Intruder");
        await page.FillAsync("input[name=key]", "not-the-key");

        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator(".signin .error")).ToHaveTextAsync("This key is not valid.");
        (await context.CookiesAsync()).Should().NotContain(c => c.Name == "equipment.session");
        await context.CloseAsync();
    }
}
