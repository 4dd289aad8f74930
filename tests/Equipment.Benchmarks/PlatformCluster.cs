using System.Diagnostics;
using Equipment.Testing;

namespace Equipment.Benchmarks;

/// <summary>The <c>scale</c> benchmark's platform: N silos (Redis membership and state when N &gt; 1), gateway, dashboard.</summary>
public sealed partial class Platform
{
    /// <summary>Three silos joining a cluster on a loaded machine take longer than a client's default 30 s wait.</summary>
    private static readonly string[] ClientWait = ["--Cluster:ConnectRetrySeconds=180"];

    private RedisServer? _redis;

    /// <summary>The silos of a cluster started by <see cref="StartClusterAsync"/> (the first is also <see cref="Silo"/>).</summary>
    public List<ChildProcess> Silos { get; } = [];

    /// <summary>
    /// Starts <paramref name="silos"/> silos (one: localhost clustering and memory state, as <see cref="StartPlatformAsync"/>;
    /// more: a private redis-server for membership, state and reminders), the gateway and the dashboard.
    /// <paramref name="siloArgs"/> go to every silo; <c>{i}</c> in one is replaced by the silo's index.
    /// </summary>
    public async Task StartClusterAsync(string database, int silos, IReadOnlyList<string> siloArgs, CancellationToken ct)
    {
        if (silos <= 1)
        {
            await StartPlatformAsync(database, ct, siloArgs: siloArgs);
            Silos.Add(Silo!);
            await StartDashboardAsync(database, ct);
            return;
        }

        _redis = await RedisServer.StartAsync();
        Console.WriteLine($"redis-server at {_redis.ConnectionString}");
        var (siloDll, gatewayDll) = Builds.Locate();
        var env = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["EQUIPMENT_DEV_TOKEN"] = DevToken,
            ["EQUIPMENT_INFLUX_URL"] = Influx.Url,
            ["EQUIPMENT_INFLUX_DATABASE"] = database,
        };
        string[] cluster = ["--Cluster:Clustering=redis", "--Cluster:Storage=redis", $"--Cluster:Redis={_redis.ConnectionString}",
            "--Cluster:ClusterId=bench", "--Cluster:ServiceId=bench", "--Cluster:AdvertisedAddress=127.0.0.1"];
        for (var i = 0; i < silos; i++)
        {
            var siloPort = FreePort.Next();
            var clientPort = FreePort.Next();
            var silo = new ChildProcess($"silo{i}", "dotnet", [siloDll, .. cluster,
                $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={clientPort}",
                $"--Influx:Url={Influx.Url}", $"--Influx:Database={database}", .. siloArgs.Select(a => a.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
                env, Path.GetDirectoryName(siloDll)!);
            _children.Add(silo);
            Silos.Add(silo);
            Console.WriteLine($"silo{i} pid {silo.Id} (silo port {siloPort}, client port {clientPort})");
        }

        Silo = Silos[0];
        var httpPort = FreePort.Next();
        Gateway = new ChildProcess("gateway", "dotnet", [gatewayDll, .. cluster,
            $"--Urls=http://127.0.0.1:{httpPort}", $"--Gateway:DevToken={DevToken}", $"--Gateway:SpoolDirectory={_spool}", .. ClientWait], env, Path.GetDirectoryName(gatewayDll)!);
        _children.Add(Gateway);
        GatewayUrl = $"http://127.0.0.1:{httpPort}";
        await WaitHealthyAsync("gateway", GatewayUrl, TimeSpan.FromSeconds(120), ct);

        var dashboardPort = FreePort.Next();
        var dll = Builds.Dashboard();
        Dashboard = new ChildProcess("dashboard", "dotnet", [dll, .. cluster, $"--Urls=http://127.0.0.1:{dashboardPort}", .. ClientWait], env, Path.GetDirectoryName(dll)!);
        _children.Add(Dashboard);
        DashboardUrl = $"http://127.0.0.1:{dashboardPort}";
        await WaitHealthyAsync("dashboard", DashboardUrl, TimeSpan.FromSeconds(120), ct);
    }

    private async ValueTask DisposeRedisAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
