using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Contracts.Hosting;
using Equipment.Durability.Tests.Processes;
using Equipment.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Equipment.Durability.Tests.Platform;

/// <summary>
/// The platform as run.sh runs it, on free loopback ports: a private influxd and redis-server, silos and the
/// gateway as child processes from their builds, membership and grain state in Redis, and the gateway's
/// spool in a temp folder that outlives a gateway restart.
/// </summary>
public sealed class DurablePlatform : IAsyncDisposable
{
    public const string DevToken = "durability-dev-token";
    public const string Database = "durability";

    private readonly string _clusterId = "dur-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<ChildProcess> _silos = [];
    private readonly List<int> _siloPorts = [];
    private readonly List<ChildProcess> _retired = [];
    private readonly Dictionary<string, string> _gatewaySettings;

    private DurablePlatform(InfluxDbServer influx, RedisServer redis, Dictionary<string, string> gatewaySettings)
    {
        Influx = influx;
        Redis = redis;
        _gatewaySettings = gatewaySettings;
        SpoolDirectory = Path.Combine(Path.GetTempPath(), "equipment-spool-" + Guid.NewGuid().ToString("N")[..12]);
        GatewayUrl = $"http://127.0.0.1:{FreePort.Next()}";
        Http = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public InfluxDbServer Influx { get; }

    public RedisServer Redis { get; }

    public ChildProcess? Gateway { get; private set; }

    public string GatewayUrl { get; }

    public string SpoolDirectory { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the stores, <paramref name="silos"/> silos and the gateway, and waits until a write goes through to InfluxDB.</summary>
    public static async Task<DurablePlatform> StartAsync(int silos, Dictionary<string, string>? gatewaySettings = null)
    {
        var influx = await InfluxDbServer.StartAsync();
        var redis = await RedisServer.StartAsync();
        var platform = new DurablePlatform(influx, redis, gatewaySettings ?? []);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                platform.StartSilo();
            }

            await platform.StartGatewayAsync();
            await platform.WaitForClusterAsync();
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public ChildProcess Silo(int index) => _silos[index];

    /// <summary>Activations of grains whose type name contains <paramref name="grainType"/>, per silo (by index), as Orleans' management grain reports them.</summary>
    public Task<int[]> ActivationsPerSiloAsync(string grainType) =>
        WithClientAsync(async client =>
        {
            var statistics = await client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            return _siloPorts.Select(port => statistics
                .Where(s => s.SiloAddress.Endpoint.Port == port && s.GrainType.Contains(grainType, StringComparison.OrdinalIgnoreCase))
                .Sum(s => s.ActivationCount)).ToArray();
        });

    /// <summary>The index of the silo the grain whose id contains <paramref name="key"/> is active on.</summary>
    public Task<int> SiloHostingAsync(string key) =>
        WithClientAsync(async client =>
        {
            var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var grain = statistics.First(s => s.GrainId.ToString().Contains(key, StringComparison.Ordinal));
            return _siloPorts.IndexOf(grain.SiloAddress.Endpoint.Port);
        });

    /// <summary>Runs <paramref name="use"/> with an Orleans client of this platform's cluster (Redis membership).</summary>
    public async Task<T> WithClientAsync<T>(Func<IClusterClient, Task<T>> use)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Clustering"] = "redis",
            ["Cluster:Redis"] = Redis.ConnectionString,
            ["Cluster:ClusterId"] = _clusterId,
            ["Cluster:ServiceId"] = _clusterId,
        });
        builder.Logging.ClearProviders();
        builder.AddEquipmentClusterClient();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await use(host.Services.GetRequiredService<IClusterClient>());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void StartSilo()
    {
        var name = $"silo-{_silos.Count + 1}";
        var dll = ReleaseBuilds.Silo;
        var siloPort = FreePort.Next();
        _siloPorts.Add(siloPort);
        _silos.Add(new ChildProcess(name, "dotnet", [dll,
            .. ClusterArgs(),
            $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={FreePort.Next()}",
            $"--Influx:Url={Influx.Url}", $"--Influx:Database={Database}", "--Influx:FlushIntervalMs=20"], Environment(), Path.GetDirectoryName(dll)!));
    }

    /// <summary>Starts (or restarts, on the same port and spool) the gateway and waits for its /health.</summary>
    public async Task StartGatewayAsync()
    {
        if (Gateway is not null)
        {
            _retired.Add(Gateway);
        }

        var dll = ReleaseBuilds.Gateway;
        var settings = _gatewaySettings.Select(s => $"--{s.Key}={s.Value}");
        Gateway = new ChildProcess("gateway", "dotnet", [dll,
            .. ClusterArgs(),
            $"--Urls={GatewayUrl}", $"--Gateway:DevToken={DevToken}", $"--Gateway:SpoolDirectory={SpoolDirectory}",
            .. settings], Environment(), Path.GetDirectoryName(dll)!);
        await WaitAsync("gateway /health 200", TimeSpan.FromSeconds(90), async () =>
        {
            using var response = await Http.GetAsync("/health");
            return response.IsSuccessStatusCode;
        });
    }

    /// <summary>SIGKILL of the gateway: requests in flight get no answer and its spool stays as the crash left it.</summary>
    public void KillGateway() => Gateway?.Kill();

    public async Task<JsonElement> SpoolStatsAsync() => (await StatsAsync()).GetProperty("spool");

    public async Task<JsonElement> StatsAsync() => await Http.GetFromJsonAsync<JsonElement>("/stats");

    /// <summary>Polls <paramref name="condition"/> every 250 ms; fails with the processes' output when it stays false.</summary>
    public async Task WaitAsync(string what, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            foreach (var child in _silos.Append(Gateway).OfType<ChildProcess>())
            {
                if (child.HasExited && !child.WasKilled)
                {
                    throw new InvalidOperationException($"{child.Name} exited while waiting for {what}\n{Tails()}");
                }
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                last = e;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{what} not reached within {timeout.TotalSeconds:F0} s (last error: {last?.Message})\n{Tails()}");
    }

    public string Tails() => string.Join("\n", _silos.Concat(_retired).Append(Gateway).OfType<ChildProcess>()
        .Select(c => $"--- {c.Name} (pid {c.Id}{(c.HasExited ? ", exited" : "")}) ---\n{c.Tail}"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var child in _silos.Concat(_retired).Append(Gateway).OfType<ChildProcess>())
        {
            child.Dispose();
        }

        await Influx.DisposeAsync();
        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(SpoolDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task WaitForClusterAsync() =>
        await WaitAsync("the gateway reaching the cluster", TimeSpan.FromSeconds(90), async () =>
        {
            var health = await Http.GetFromJsonAsync<JsonElement>("/health");
            return health.GetProperty("cluster").GetString() == "reachable";
        });

    private string[] ClusterArgs() =>
    [
        "--Cluster:Clustering=redis", $"--Cluster:Redis={Redis.ConnectionString}", "--Cluster:Storage=redis",
        $"--Cluster:ClusterId={_clusterId}", $"--Cluster:ServiceId={_clusterId}",
    ];

    private Dictionary<string, string> Environment() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["EQUIPMENT_DEV_TOKEN"] = DevToken,
        // These win over configuration in the silo: point them at this test's InfluxDB, whatever the caller's shell has.
        ["EQUIPMENT_INFLUX_URL"] = Influx.Url,
        ["EQUIPMENT_INFLUX_DATABASE"] = Database,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Equipment"] = "Information",
        ["DOTNET_gcServer"] = "0",
    };
}
