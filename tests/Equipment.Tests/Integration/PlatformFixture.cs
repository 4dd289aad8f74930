using Equipment.Dashboard.Api;
using Equipment.Gateway.Ingest;
using Equipment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Equipment.Tests.Integration;

/// <summary>
/// The platform on real parts: a private influxd, an Orleans test cluster over TCP with the production
/// grains and writer, and the gateway and dashboard on real Kestrel ports as cluster clients.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string DevToken = "test-dev-token";
    public const string SiteToken = "site-a-token";
    public const string Database = "equipment_test";
    public const long MaxBodyBytes = 1024 * 1024;

    private readonly string _spoolDirectory = Path.Combine(Path.GetTempPath(), "equipment-spool-" + Guid.NewGuid().ToString("N")[..12]);
    private WebApplicationFactory<WriteEndpoint>? _gateway;
    private WebApplicationFactory<EquipmentView>? _dashboard;

    public InfluxDbServer Influx { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>Set when the fixture keeps grain state in a real Redis (<see cref="UseRedis"/>).</summary>
    public RedisServer? Redis { get; private set; }

    /// <summary>Grain state in Redis instead of silo memory, so it survives a silo restart.</summary>
    protected virtual bool UseRedis => false;

    public string GatewayUrl { get; private set; } = "";

    public string DashboardUrl { get; private set; } = "";

    public HttpClient Gateway { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Dashboard { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>What a gateway or dashboard needs to join this cluster, for tests that start one of their own.</summary>
    public IReadOnlyDictionary<string, string?> ClusterSettings { get; private set; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        Influx = await InfluxDbServer.StartAsync();
        var siloSettings = new Dictionary<string, string?>
        {
            ["Influx:Url"] = Influx.Url,
            ["Influx:Database"] = Database,
            ["Influx:FlushIntervalMs"] = "20",
        };
        if (UseRedis)
        {
            Redis = await RedisServer.StartAsync();
            siloSettings["Cluster:Storage"] = "redis";
            siloSettings["Cluster:Redis"] = Redis.ConnectionString;
        }

        var builder = new TestClusterBuilder(1);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.BaseSiloPort = FreePort.Next();
        builder.Options.BaseGatewayPort = FreePort.Next();
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(siloSettings));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        var cluster = ClusterSettings = new Dictionary<string, string?>
        {
            ["Cluster:GatewayPort"] = builder.Options.BaseGatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:ServiceId"] = Cluster.Options.ServiceId,
            ["Cluster:ClusterId"] = Cluster.Options.ClusterId,
            ["Cluster:ConnectRetrySeconds"] = "10",
        };

        var gatewayPort = FreePort.Next();
        _gateway = new WebApplicationFactory<WriteEndpoint>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            var settings = new Dictionary<string, string?>(cluster)
            {
                ["Gateway:DevToken"] = DevToken,
                ["Gateway:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway:Tokens:0:Token"] = SiteToken,
                ["Gateway:Tokens:0:Scope"] = "site:site-a",
                // A spool of its own per fixture; these tests read InfluxDB right after a 204, so acknowledge once stored.
                ["Gateway:SpoolDirectory"] = _spoolDirectory,
                ["Gateway:AcknowledgeAfter"] = "Stored",
                ["Urls"] = $"http://127.0.0.1:{gatewayPort}",
            };
            ConfigureGateway(settings);
            Apply(web, settings);
        });
        _gateway.UseKestrel(gatewayPort);
        _gateway.StartServer();
        GatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        Gateway.BaseAddress = new Uri(GatewayUrl);

        var dashboardPort = FreePort.Next();
        _dashboard = new WebApplicationFactory<EquipmentView>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            var settings = new Dictionary<string, string?>(cluster)
            {
                ["Dashboard:DevToken"] = DevToken,
                ["Urls"] = $"http://127.0.0.1:{dashboardPort}",
                ["Influx:Url"] = Influx.Url,
                ["Influx:Database"] = Database,
            };
            ConfigureDashboard(settings);
            Apply(web, settings);
        });
        _dashboard.UseKestrel(dashboardPort);
        _dashboard.StartServer();
        DashboardUrl = $"http://127.0.0.1:{dashboardPort}";
        Dashboard.BaseAddress = new Uri(DashboardUrl);

        // The dashboard requires a signed-in user (issue 6); the dev token holds every role in Development.
        Dashboard.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DevToken);
    }

    /// <summary>Lets a fixture for a special case change the gateway's settings.</summary>
    protected virtual void ConfigureGateway(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Lets a fixture for a special case change the dashboard's settings.</summary>
    protected virtual void ConfigureDashboard(Dictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// Another gateway or dashboard (<typeparamref name="TEntry"/> picks which) on this cluster, in the given
    /// environment, on a real loopback port; the caller disposes it.
    /// </summary>
    public (WebApplicationFactory<TEntry> Host, string Url) StartHost<TEntry>(string environment, IDictionary<string, string?> settings)
        where TEntry : class
    {
        var port = FreePort.Next();
        var host = new WebApplicationFactory<TEntry>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            Apply(web, new Dictionary<string, string?>(ClusterSettings.Concat(settings)) { ["Urls"] = $"http://127.0.0.1:{port}" });
        });
        host.UseKestrel(port);
        host.StartServer();
        return (host, $"http://127.0.0.1:{port}");
    }

    /// <summary>
    /// Settings go in as host settings: Program reads the cluster section while building, before
    /// configuration added through ConfigureAppConfiguration would be visible.
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

        // Null when start-up failed part way: xunit still calls this, and an exception here would hide the real one.
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        if (Directory.Exists(_spoolDirectory))
        {
            Directory.Delete(_spoolDirectory, recursive: true);
        }
    }
}
