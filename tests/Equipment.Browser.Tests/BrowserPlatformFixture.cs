using System.Net.Http.Headers;
using System.Text;
using Equipment.Tests.Integration;
using Microsoft.Playwright;

namespace Equipment.Browser.Tests;

/// <summary>
/// The platform on real parts as Equipment.Tests' <see cref="PlatformFixture"/> starts it (private influxd, Orleans
/// test cluster over TCP, gateway and dashboard on real Kestrel ports, the dashboard pointed at InfluxDB for the
/// history API), plus one headless Debian Chromium driven by Playwright. No browser is downloaded: the machine has
/// no internet.
/// </summary>
public class BrowserPlatformFixture : PlatformFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        // Fail first and clearly: without the browser nothing here can run.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package (apt-get install -y chromium).");
        }

        await base.InitializeAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Posts line protocol to the gateway as a device would (InfluxDB v2 API, ms precision) and expects 204.</summary>
    public async Task PostLinesAsync(string lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=equipment&bucket=equipment&precision=ms")
        {
            Content = new StringContent(lines, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", DevToken);
        using var response = await Gateway.SendAsync(request);
        if ((int)response.StatusCode != 204)
        {
            throw new InvalidOperationException($"gateway answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A 1366×768 page signed in through the sign-in form as <paramref name="user"/>, showing <paramref name="hash"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string user, string hash)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(DashboardUrl + "/#/signin");
        await page.FillAsync("input[name=user]", user);
        await page.FillAsync("input[name=key]", DevToken);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => window.__liveReady === true", null, new PageWaitForFunctionOptions { Timeout = 15000 });
        await page.GotoAsync(DashboardUrl + "/" + hash);
        return page;
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>The seeded fleets of the screenshot fixture post bodies of a few MB.</summary>
    protected override void ConfigureGateway(Dictionary<string, string?> settings) =>
        settings["Gateway:MaxBodyBytes"] = (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
