using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Equipment.Dashboard.Api;
using Equipment.Gateway.Ingest;
using Equipment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Orleans.TestingHost;

namespace Equipment.Browser.Tests;

/// <summary>
/// The platform on real parts, as Equipment.Tests' PlatformFixture starts it (private influxd, Orleans test cluster over
/// TCP, gateway and dashboard on real Kestrel ports), with the dashboard also pointed at InfluxDB for the history API,
/// plus one headless Debian Chromium driven by Playwright. No browser is downloaded: the machine has no internet.
/// </summary>
public class BrowserPlatformFixture : IAsyncLifetime
{
    public const string DevToken = "test-dev-token";
    public const string Database = "equipment_test";
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplicationFactory<WriteEndpoint>? _gateway;
    private WebApplicationFactory<EquipmentView>? _dashboard;

    public InfluxDbServer Influx { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public string GatewayUrl { get; private set; } = "";

    public string DashboardUrl { get; private set; } = "";

    public HttpClient Gateway { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Dashboard { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        // Fail first and clearly: without the browser nothing here can run.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package (apt-get install -y chromium).");
        }

        Influx = await InfluxDbServer.StartAsync();
        var builder = new TestClusterBuilder(1);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.BaseSiloPort = FreePort.Next();
        builder.Options.BaseGatewayPort = FreePort.Next();
        var influx = new Dictionary<string, string?>
        {
            ["Influx:Url"] = Influx.Url,
            ["Influx:Database"] = Database,
        };
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>(influx) { ["Influx:FlushIntervalMs"] = "20" }));
        builder.AddSiloBuilderConfigurator<SiloSetup>();
        builder.AddClientBuilderConfigurator<ClientSetup>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var cluster = new Dictionary<string, string?>
        {
            ["Cluster:GatewayPort"] = builder.Options.BaseGatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:ServiceId"] = Cluster.Options.ServiceId,
            ["Cluster:ClusterId"] = Cluster.Options.ClusterId,
            ["Cluster:ConnectRetrySeconds"] = "10",
        };

        var gatewayPort = FreePort.Next();
        _gateway = new WebApplicationFactory<WriteEndpoint>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            Apply(web, new Dictionary<string, string?>(cluster)
            {
                ["Gateway:DevToken"] = DevToken,
                ["Gateway:MaxBodyBytes"] = (4 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
                ["Urls"] = $"http://127.0.0.1:{gatewayPort}",
            });
        });
        _gateway.UseKestrel(gatewayPort);
        _gateway.StartServer();
        GatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        Gateway.BaseAddress = new Uri(GatewayUrl);

        var dashboardPort = FreePort.Next();
        _dashboard = new WebApplicationFactory<EquipmentView>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            Apply(web, new Dictionary<string, string?>(cluster)
            {
                ["Influx:Url"] = Influx.Url,
                ["Influx:Database"] = Database,
                ["Dashboard:DevToken"] = DevToken,
                ["Urls"] = $"http://127.0.0.1:{dashboardPort}",
            });
        });
        _dashboard.UseKestrel(dashboardPort);
        _dashboard.StartServer();
        DashboardUrl = $"http://127.0.0.1:{dashboardPort}";
        Dashboard.BaseAddress = new Uri(DashboardUrl);
        Dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevToken);

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

    /// <summary>
    /// Settings go in as host settings: Program reads the cluster section while building, before configuration added
    /// through ConfigureAppConfiguration would be visible.
    /// </summary>
    private static void Apply(IWebHostBuilder web, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            web.UseSetting(key, value);
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        Gateway.Dispose();
        Dashboard.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }
    }
}
