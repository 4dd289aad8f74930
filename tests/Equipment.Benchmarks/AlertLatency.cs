using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Equipment.Benchmarks;

/// <summary>
/// Alert latency from the gateway to a dashboard client: a SignalR client watches <c>all</c> on the dashboard's hub,
/// while the simulated fleet's rate of telemetry (16 machines at 1 Hz by default) runs in the background; each
/// probe posts one line that raises (or clears) an alert and times from just before the POST to the arrival of the
/// matching <c>alert</c> event. The POST's own round trip is not waited for.
/// </summary>
public static class AlertLatency
{
    public static async Task<int> RunAsync(Platform platform, int probes, int backgroundMachines, CancellationToken ct)
    {
        const string database = "bench_alerts";
        await platform.StartPlatformAsync(database, ct);
        await platform.StartDashboardAsync(database, ct);

        var arrivals = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<long>>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(platform.DashboardUrl + "/hubs/equipment", o => o.AccessTokenProvider = () => Task.FromResult<string?>(Platform.DevToken))
            .Build();
        hub.On<JsonElement>("alert", alert =>
        {
            var key = alert.GetProperty("equipmentId").GetString() + "/" + alert.GetProperty("state").GetString();
            if (arrivals.TryGetValue(key, out var waiter))
            {
                waiter.TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        await hub.StartAsync(ct);
        await hub.InvokeAsync("Watch", "all", ct);

        using var http = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Platform.DevToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var background = Background(http, backgroundMachines, stop.Token);

        var latencies = new List<double>();
        for (var i = 0; i < probes + 20; i++)
        {
            var id = $"probe-{i:0000}";
            foreach (var (value, state) in new[] { (90, "active"), (60, "cleared") })
            {
                var waiter = arrivals[$"{id}/{state}"] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                var sent = Stopwatch.GetTimestamp();
                var post = http.PostAsync("/api/v2/write?precision=ns", new StringContent($"tbm,id={id},site=bench main_bearing_temp_c={value}\n"), ct);
                var arrived = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
                (await post).EnsureSuccessStatusCode();
                if (i >= 20)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
                }
            }
        }

        await stop.CancelAsync();
        await background;
        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"{latencies.Count} alert transitions (raise and clear of {probes} machines) with {backgroundMachines} machines at 1 Hz in the background; first 20 probes were warm-up");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alerts: gateway→browser p50 {P(0.50):F1} ms p99 {P(0.99):F1} ms max {latencies[^1]:F1} ms"));
        return 0;
    }

    private static async Task Background(HttpClient http, int machines, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var body = string.Concat(Enumerable.Range(0, machines).Select(m => m % 4 == 0
                    ? $"tbm,id=bg-tbm-{m},site=bench thrust_kn=11000,torque_knm=1700,rpm=6,penetration_mm_rev=9.8,boring=true\n"
                    : $"truck,id=bg-truck-{m},fleet=bench speed_kmh=55,soc_pct=70,battery_temp_c=20,power_kw=30\n"));
                using var response = await http.PostAsync("/api/v2/write?precision=ns", new StringContent(body), ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
