using System.Diagnostics;
using System.Globalization;
using Equipment.Testing;

namespace Equipment.Benchmarks;

/// <summary>CPU time (user + system) of a process from /proc/PID/stat, in seconds.</summary>
public static class Cpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // comm may contain spaces: fields start after the last ')'.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // rest[0] is field 3 (state); utime is field 14, stime field 15.
            return (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Resident set size of a process from /proc/PID/status (VmRSS), in bytes.</summary>
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS in /proc/{pid}/status");
    }

    /// <summary>Busy CPU time of the whole machine (user+nice+system+irq+softirq+steal), in seconds.</summary>
    public static double MachineBusySeconds()
    {
        var first = File.ReadLines("/proc/stat").First();
        var v = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal
        return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / TicksPerSecond;
    }

    /// <summary>The child of this process running <paramref name="comm"/> (InfluxDbServer does not expose its pid).</summary>
    public static int? FindChild(string comm)
    {
        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                var ppid = int.Parse(stat[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (ppid == self && name == comm)
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }
}

/// <summary>Private influxd plus the Release silo and gateway as child processes, all on free loopback ports.</summary>
public sealed partial class Platform : IAsyncDisposable
{
    public const string DevToken = "bench-dev-token";

    private readonly List<ChildProcess> _children = [];

    // A fresh gateway spool per run: one left by an interrupted run would replay its points into this run's InfluxDB.
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "equipment-bench-spool-" + Guid.NewGuid().ToString("N")[..12]);

    private Platform(InfluxDbServer influx, int influxPid)
    {
        Influx = influx;
        InfluxPid = influxPid;
    }

    public InfluxDbServer Influx { get; }

    public int InfluxPid { get; }

    public ChildProcess? Silo { get; private set; }

    public ChildProcess? Gateway { get; private set; }

    public string GatewayUrl { get; private set; } = "";

    public ChildProcess? Dashboard { get; private set; }

    public string DashboardUrl { get; private set; } = "";

    private int _clientPort;

    public static async Task<Platform> StartInfluxAsync()
    {
        var influx = await InfluxDbServer.StartAsync();
        var pid = Cpu.FindChild("influxd") ?? throw new InvalidOperationException("influxd's pid not found among this process's children");
        Console.WriteLine($"influxd pid {pid} at {influx.Url}");
        return new Platform(influx, pid);
    }

    /// <summary>Starts the silo (writing to <paramref name="database"/>) and the gateway, and waits for the gateway's /health.</summary>
    public async Task StartPlatformAsync(string database, CancellationToken ct, IReadOnlyList<string>? extraGatewayArgs = null, IReadOnlyList<string>? siloArgs = null)
    {
        var (siloDll, gatewayDll) = Builds.Locate();
        var siloPort = FreePort.Next();
        var clientPort = _clientPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var env = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["EQUIPMENT_DEV_TOKEN"] = DevToken,
            // The processes' own appsettings stay in force; these must not redirect InfluxDB.
            ["EQUIPMENT_INFLUX_URL"] = Influx.Url,
            ["EQUIPMENT_INFLUX_DATABASE"] = database,
        };
        Silo = new ChildProcess("silo", "dotnet", [siloDll,
            $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={clientPort}",
            "--Cluster:ClusterId=bench", "--Cluster:ServiceId=bench",
            $"--Influx:Url={Influx.Url}", $"--Influx:Database={database}", .. (siloArgs ?? []).Select(a => a.Replace("{i}", "0"))], env, Path.GetDirectoryName(siloDll)!);
        _children.Add(Silo);
        Gateway = new ChildProcess("gateway", "dotnet", [gatewayDll,
            $"--Cluster:GatewayPort={clientPort}", "--Cluster:ClusterId=bench", "--Cluster:ServiceId=bench",
            $"--Urls=http://127.0.0.1:{httpPort}", $"--Gateway:DevToken={DevToken}",
            $"--Gateway:SpoolDirectory={_spool}", .. extraGatewayArgs ?? []], env, Path.GetDirectoryName(gatewayDll)!);
        _children.Add(Gateway);
        GatewayUrl = $"http://127.0.0.1:{httpPort}";
        Console.WriteLine($"silo pid {Silo.Id} (silo port {siloPort}, client port {clientPort}); gateway pid {Gateway.Id} at {GatewayUrl}");

        await WaitHealthyAsync("gateway", GatewayUrl, TimeSpan.FromSeconds(90), ct);
    }

    /// <summary>Starts the dashboard as a client of the running silo and waits for its /health.</summary>
    public async Task StartDashboardAsync(string database, CancellationToken ct)
    {
        var dll = Builds.Dashboard();
        var port = FreePort.Next();
        var env = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["EQUIPMENT_DEV_TOKEN"] = DevToken,
            ["EQUIPMENT_INFLUX_URL"] = Influx.Url,
            ["EQUIPMENT_INFLUX_DATABASE"] = database,
        };
        Dashboard = new ChildProcess("dashboard", "dotnet", [dll,
            $"--Cluster:GatewayPort={_clientPort}", "--Cluster:ClusterId=bench", "--Cluster:ServiceId=bench",
            $"--Urls=http://127.0.0.1:{port}"], env, Path.GetDirectoryName(dll)!);
        _children.Add(Dashboard);
        DashboardUrl = $"http://127.0.0.1:{port}";
        await WaitHealthyAsync("dashboard", DashboardUrl, TimeSpan.FromSeconds(90), ct);
    }

    /// <summary>Asks <paramref name="url"/>/health until it answers 200; fails as soon as any started process has exited.</summary>
    private async Task WaitHealthyAsync(string name, string url, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_children.FirstOrDefault(c => c.HasExited) is { } dead)
            {
                throw new PlatformException($"{dead.Name} exited during start-up", this);
            }

            try
            {
                using var response = await http.GetAsync(url + "/health", ct);
                if ((int)response.StatusCode == 200)
                {
                    Console.WriteLine($"{name} healthy after {clock.Elapsed.TotalSeconds:F1} s at {url}");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A slow answer on a loaded machine: ask again.
            }

            await Task.Delay(250, ct);
        }

        throw new PlatformException($"{name} /health did not answer 200 within {timeout.TotalSeconds:F0} s", this);
    }

    public string Tails() => string.Join("\n", _children.Select(c => $"--- {c.Name} (pid {c.Id}{(c.HasExited ? ", exited" : "")}) output tail ---\n{c.Tail}"));

    /// <summary>Kills everything synchronously (also used from Ctrl-C and process-exit handlers).</summary>
    public void KillAll()
    {
        foreach (var c in _children)
        {
            c.Kill();
        }

        try
        {
            Influx.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already disposed (InfluxDbServer.Kill does not guard against that).
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _children)
        {
            c.Dispose();
        }

        await Influx.DisposeAsync();
        await DisposeRedisAsync();
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }
    }
}

public sealed class PlatformException(string message, Platform platform) : Exception(message)
{
    public string Tails { get; } = platform.Tails();
}

/// <summary>Finds the Release builds of the silo and gateway, building them when missing.</summary>
public static class Builds
{
    public static (string Silo, string Gateway) Locate()
    {
        var root = RepositoryPaths.Root;
        var silo = Path.Combine(root, "silo/Equipment.Silo/bin/Release/net10.0/Equipment.Silo.dll");
        var gateway = Path.Combine(root, "gateway/Equipment.Gateway/bin/Release/net10.0/Equipment.Gateway.dll");
        foreach (var (dll, project) in new[] { (silo, "silo/Equipment.Silo/Equipment.Silo.csproj"), (gateway, "gateway/Equipment.Gateway/Equipment.Gateway.csproj") })
        {
            if (File.Exists(dll))
            {
                continue;
            }

            Console.WriteLine($"{Path.GetFileName(dll)} not found: running dotnet build -c Release {project}");
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-v", "quiet", "-nologo", Path.Combine(root, project)]) { UseShellExecute = false })!;
            build.WaitForExit();
            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException($"building {project} failed (exit {build.ExitCode})");
            }
        }

        return (silo, gateway);
    }

    public static string Dashboard()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "dashboard/Equipment.Dashboard/bin/Release/net10.0/Equipment.Dashboard.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} not found: run dotnet build -c Release first");
        }

        return dll;
    }
}
