using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Equipment.Benchmarks;

/// <summary>
/// <c>scale</c>: a registered fleet that reports and then falls silent. N trucks report every 10 s and M TBMs at 1 Hz
/// for D minutes (requests of up to 100 lines, the shape of an edge gateway relaying its devices), then nothing for
/// D' minutes. Prints platform CPU per point, silo CPU per idle minute (% of one core, from /proc), silo memory
/// growth per twin, ack p99, alert gateway→browser latency (a SignalR client watching <c>all</c>, probes raised and
/// cleared during the load), the overview's first screen in Chromium, and with <c>--silos N</c> the grain calls per
/// grain type and the largest share any single activation received.
/// </summary>
public static class Scale
{
    private const int LinesPerRequest = 100;

    public sealed record Settings(int Trucks, int Tbms, double LoadMinutes, double IdleMinutes, int Silos, int? IdleDeactivateMinutes)
    {
        public static Settings Parse(string[] args)
        {
            int trucks = 20_000, tbms = 100, silos = 1;
            double load = 10, idle = 10;
            int? deactivate = null;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--trucks": trucks = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--tbms": tbms = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--minutes": load = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--idle-minutes": idle = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--silos": silos = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--twin-idle-minutes": deactivate = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }

            return new Settings(trucks, tbms, load, idle, silos, deactivate);
        }
    }

    public static async Task<int> RunAsync(Settings s, Platform platform, CancellationToken ct)
    {
        const string database = "bench_scale";
        var counts = Path.Combine(Path.GetTempPath(), "equipment-scale-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(counts);
        var siloArgs = new List<string>();
        if (s.Silos > 1)
        {
            siloArgs.Add($"--Diagnostics:CallCountsFile={counts}/silo{{i}}.json");
        }

        if (s.IdleDeactivateMinutes is { } m)
        {
            siloArgs.Add($"--Twins:IdleMinutes={m}");
        }

        await platform.StartClusterAsync(database, s.Silos, siloArgs, ct);
        var silos = platform.Silos.ToDictionary(p => p.Name, p => p.Id);
        Console.WriteLine($"scale: {s.Trucks} trucks every 10 s + {s.Tbms} TBMs at 1 Hz for {s.LoadMinutes} min, then {s.IdleMinutes} min silent, {s.Silos} silo(s)");

        using var poster = new Poster(platform.GatewayUrl + "/api/v2/write?precision=ns", Platform.DevToken, 64);
        var alerts = await AlertProbe.StartAsync(platform, ct);
        var rssBefore = silos.Values.Sum(Rss);
        var pids = new Dictionary<string, int>(silos) { ["gateway"] = platform.Gateway!.Id, ["influxd"] = platform.InfluxPid };
        var meter = new CpuMeter(pids);
        meter.Start();
        var clock = Stopwatch.StartNew();
        var (points, acks) = await LoadAsync(s, poster, alerts, ct);
        var loadCpu = meter.Stop();
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var rssAfter = silos.Values.Sum(Rss);

        var firstScreen = await FirstScreenAsync(platform, s.Trucks + s.Tbms, ct);
        var calls = s.Silos > 1 ? await CallShareAsync(counts, s.Silos) : null;

        // Idle: nothing is sent; the silo's CPU per minute shows what a silent registered fleet costs.
        var idle = new List<double>();
        for (var minute = 0; minute < Math.Ceiling(s.IdleMinutes); minute++)
        {
            var span = Math.Min(60, (s.IdleMinutes - minute) * 60);
            var start = silos.Values.Sum(Cpu.Seconds);
            await Task.Delay(TimeSpan.FromSeconds(span), ct);
            var pct = (silos.Values.Sum(Cpu.Seconds) - start) / span * 100;
            idle.Add(pct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle minute {minute + 1}: silo CPU {pct:F1} % of one core"));
        }

        var siloCpu = silos.Keys.Sum(k => loadCpu[k]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {points} points in {loadSeconds:F0} s; CPU µs/point: silo {siloCpu / points * 1e6:F1}, gateway {loadCpu["gateway"] / points * 1e6:F1}, influxd {loadCpu["influxd"] / points * 1e6:F1}; ack p50 {acks.Percentile(0.5):F1} ms p99 {acks.Percentile(0.99):F1} ms ({acks.Count} requests)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: silo RSS +{(rssAfter - rssBefore) / 1024.0 / 1024:F0} MiB for {s.Trucks + s.Tbms} twins = {(double)(rssAfter - rssBefore) / (s.Trucks + s.Tbms):F0} bytes/twin"));
        if (calls is not null)
        {
            Console.WriteLine(calls);
        }

        var latency = alerts.Result();
        await alerts.DisposeAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: {s.Trucks}+{s.Tbms} machines, platform {(siloCpu + loadCpu["gateway"]) / points * 1e6:F1} µs CPU/point, idle silo {(idle.Count > 0 ? idle[^1] : double.NaN):F1} % (last idle minute), ack p99 {acks.Percentile(0.99):F1} ms, alert p99 {latency.P99:F1} ms ({latency.Count} transitions), overview first screen {firstScreen:F0} ms"));
        Directory.Delete(counts, recursive: true);
        return 0;
    }

    /// <summary>Every second: the trucks due this second (each every 10 s) and every TBM, in requests of up to 100 lines.</summary>
    private static async Task<(long Points, Latencies Acks)> LoadAsync(Settings s, Poster poster, AlertProbe alerts, CancellationToken ct)
    {
        var acks = new Latencies();
        var part = new List<double>();
        long points = 0;
        var end = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var second = 0;
        var inFlight = new List<Task>();
        while (end.Elapsed.TotalMinutes < s.LoadMinutes && await timer.WaitForNextTickAsync(ct))
        {
            var ns = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L;
            var lines = new List<string>(s.Trucks / 10 + s.Tbms);
            for (var t = second % 10; t < s.Trucks; t += 10)
            {
                lines.Add(TruckLine(t, second, ns));
            }

            for (var b = 0; b < s.Tbms; b++)
            {
                lines.Add(TbmLine(b, second, ns));
            }

            points += lines.Count;
            inFlight.RemoveAll(x => x.IsCompleted);
            for (var i = 0; i < lines.Count; i += LinesPerRequest)
            {
                var body = Encoding.UTF8.GetBytes(string.Concat(lines.Skip(i).Take(LinesPerRequest)));
                inFlight.Add(Task.Run(async () =>
                {
                    var ms = await poster.PostAsync(body, ct);
                    lock (part)
                    {
                        part.Add(ms);
                    }
                }, ct));
            }

            if (second % 5 == 2)
            {
                alerts.Probe(second / 5);
            }

            second++;
        }

        await Task.WhenAll(inFlight);
        acks.Add(part);
        return (points, acks);
    }

    private static string TruckLine(int t, int second, long ns) => string.Create(CultureInfo.InvariantCulture,
        $"truck,id=scale-truck-{t:00000},fleet=fleet-{t % 20:00} speed_kmh={40 + (t % 30)},soc_pct={90 - (second / 60.0) - (t % 40):F1},power_kw={50 + (t % 80)},altitude_m={3000 + (t % 1500)},odometer_km={1000 + (t * 7 % 5000) + (second * 0.015):F3},battery_temp_c={20 + (t % 10)},ignition=true {ns + t}\n");

    private static string TbmLine(int b, int second, long ns) => string.Create(CultureInfo.InvariantCulture,
        $"tbm,id=scale-tbm-{b:000},site=site-{b % 5} thrust_kn={11000 + (b * 37 % 2000)},torque_knm={1500 + (b * 13 % 600)},rpm=6,penetration_mm_rev={8 + (b % 4)},advance_mm_min={48 + (b % 10)},chainage_m={1000 + (second * 0.001):F3},stroke={1 + (second / 60)},boring=true,main_bearing_temp_c=55 {ns + b}\n");

    /// <summary>Signs in as the dev user, then times from navigation to the overview's first page of cards.</summary>
    private static async Task<double> FirstScreenAsync(Platform platform, int machines, CancellationToken ct)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await page.GotoAsync(platform.DashboardUrl + "/#/signin");
        await page.FillAsync("input[name=user]", "bench");
        await page.FillAsync("input[name=key]", Platform.DevToken);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => window.__liveReady === true", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.GotoAsync("about:blank");
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(platform.DashboardUrl + "/#/overview");
        await page.WaitForSelectorAsync("#view[data-ready='1'] [data-machine]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var ms = clock.Elapsed.TotalMilliseconds;
        var cards = await page.Locator("[data-machine]").CountAsync();
        var nodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
        var info = await page.Locator("#page-info").InnerTextAsync();
        Console.WriteLine($"overview: first screen {ms:F0} ms, {cards} cards, {nodes} DOM nodes, page '{info}' ({machines} machines registered)");
        return ms;
    }

    /// <summary>Sums the silos' call counts; per grain type, the largest share of all calls of that type one activation got.</summary>
    private static async Task<string> CallShareAsync(string folder, int silos)
    {
        await Task.Delay(Equipment.Grains.Hosting.CallCounter.WriteInterval * 2);
        var rows = new Dictionary<string, (long Calls, int Activations, long Max, string Busiest)>();
        foreach (var file in Directory.GetFiles(folder, "silo*.json"))
        {
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            foreach (var type in doc.RootElement.EnumerateObject())
            {
                var v = type.Value;
                rows.TryGetValue(type.Name, out var row);
                var max = v.GetProperty("maxPerActivation").GetInt64();
                rows[type.Name] = (row.Calls + v.GetProperty("calls").GetInt64(), row.Activations + v.GetProperty("activations").GetInt32(),
                    Math.Max(row.Max, max), max >= row.Max ? $"{Path.GetFileNameWithoutExtension(file)}/{v.GetProperty("busiest").GetString()}" : row.Busiest);
            }
        }

        var ingest = rows.Where(r => r.Key is "truck" or "tbm").Sum(r => r.Value.Calls);
        var text = new StringBuilder($"grain calls across {silos} silos while loaded (per-sample calls = twin calls = {ingest}):\n");
        foreach (var (type, r) in rows.OrderByDescending(r => r.Value.Calls))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {type,-24} calls {r.Calls,10}  activations {r.Activations,6}  busiest {r.Busiest} {r.Max} = {(ingest > 0 ? 100.0 * r.Max / ingest : 0):F1} % of per-sample calls\n");
        }

        var worst = rows.Where(r => r.Key is not ("truck" or "tbm")).OrderByDescending(r => r.Value.Max).FirstOrDefault();
        text.Append(CultureInfo.InvariantCulture, $"largest single-activation share: {worst.Key} {(ingest > 0 ? 100.0 * worst.Value.Max / ingest : 0):F1} % (1/N = {100.0 / silos:F1} %)");
        return text.ToString();
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Raises and clears a main-bearing alert on probe TBMs and times gateway POST → hub <c>alert</c>.</summary>
    private sealed class AlertProbe : IAsyncDisposable
    {
        private readonly HubConnection _hub;
        private readonly HttpClient _http;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _sent = new();
        private readonly List<double> _latencies = [];

        private AlertProbe(HubConnection hub, HttpClient http)
        {
            _hub = hub;
            _http = http;
        }

        public static async Task<AlertProbe> StartAsync(Platform platform, CancellationToken ct)
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(platform.DashboardUrl + "/hubs/equipment", o => o.AccessTokenProvider = () => Task.FromResult<string?>(Platform.DevToken))
                .Build();
            var http = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Platform.DevToken);
            var probe = new AlertProbe(hub, http);
            hub.On<JsonElement>("alert", alert =>
            {
                var key = alert.GetProperty("equipmentId").GetString() + "/" + alert.GetProperty("state").GetString();
                if (probe._sent.TryRemove(key, out var sent))
                {
                    lock (probe._latencies)
                    {
                        probe._latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    }
                }
            });
            await hub.StartAsync(ct);
            await hub.InvokeAsync("Watch", "all", ct);
            return probe;
        }

        /// <summary>Probe n raises an alert on its own TBM; the next probe clears it and raises on the next TBM.</summary>
        public void Probe(int n)
        {
            _ = Send($"scale-probe-{n:0000}", 90, "active");
            if (n > 0)
            {
                _ = Send($"scale-probe-{n - 1:0000}", 60, "cleared");
            }
        }

        public (double P99, int Count) Result()
        {
            lock (_latencies)
            {
                if (_latencies.Count == 0)
                {
                    return (double.NaN, 0);
                }

                var sorted = _latencies.Order().ToList();
                return (sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(0.99 * sorted.Count) - 1)], sorted.Count);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _hub.DisposeAsync();
            _http.Dispose();
        }

        private async Task Send(string id, int temperature, string state)
        {
            _sent[$"{id}/{state}"] = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.PostAsync("/api/v2/write?precision=ns", new StringContent($"tbm,id={id},site=probe main_bearing_temp_c={temperature}\n"));
            }
            catch (HttpRequestException)
            {
                // Counted as missing: the latency list is shorter than the probes sent.
            }
        }
    }
}
