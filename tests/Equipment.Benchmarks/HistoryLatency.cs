using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Equipment.Benchmarks;

/// <summary>
/// The history API over 30 days for one machine: 30 days of minute and hour rollups (as the continuous queries
/// would have written them) are loaded into InfluxDB's rollup retention policies, then the dashboard's history
/// endpoint is asked for the 30-day range repeatedly and its latency measured end to end over HTTP.
/// </summary>
public static class HistoryLatency
{
    public static async Task<int> RunAsync(Platform platform, int queries, CancellationToken ct)
    {
        const string database = "bench_history";
        await platform.StartPlatformAsync(database, ct);
        await platform.StartDashboardAsync(database, ct);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Platform.DevToken);

        // Make the machine known to the platform, then wait until the dashboard has created the rollup policies.
        using (var post = new HttpRequestMessage(HttpMethod.Post, platform.GatewayUrl + "/api/v2/write?precision=ns") { Content = new StringContent("tbm,id=hist-tbm,site=bench thrust_kn=11000\n") })
        {
            post.Headers.Authorization = new AuthenticationHeaderValue("Token", Platform.DevToken);
            (await http.SendAsync(post, ct)).EnsureSuccessStatusCode();
        }

        var clock = Stopwatch.StartNew();
        while (!(await platform.Influx.QueryAsync(database, "SHOW RETENTION POLICIES")).ToString().Contains("rollup_1h", StringComparison.Ordinal))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("the dashboard did not create the rollup retention policies");
            }

            await Task.Delay(250, ct);
        }

        var end = DateTimeOffset.UtcNow;
        var start = end.AddDays(-30);
        await Seed(platform, database, "rollup_1m", start, end, TimeSpan.FromMinutes(1), ct);
        await Seed(platform, database, "rollup_1h", start, end, TimeSpan.FromHours(1), ct);

        var url = $"{platform.DashboardUrl}/api/equipment/hist-tbm/history?fields=thrust_kn,torque_knm,penetration_mm_rev&from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(end.ToString("O"))}";
        string first = "";
        var latencies = new List<double>();
        for (var i = 0; i < queries + 10; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            response.EnsureSuccessStatusCode();
            if (i >= 10)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            else
            {
                first = body;
            }
        }

        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"answer (first 200 chars): {first[..Math.Min(200, first.Length)]}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history: 30-day range, 3 fields, {queries} queries: p50 {P(0.50):F1} ms p95 {P(0.95):F1} ms max {latencies[^1]:F1} ms"));
        return 0;
    }

    private static async Task Seed(Platform platform, string database, string policy, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken ct)
    {
        using var http = new HttpClient();
        var body = new StringBuilder();
        var points = 0;
        for (var t = start; t < end; t += step)
        {
            var ns = (t.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
            var x = (t - start).TotalHours;
            body.Append(CultureInfo.InvariantCulture, $"tbm,id=hist-tbm,site=bench mean_thrust_kn={11000 + (500 * Math.Sin(x / 5)):F1},mean_torque_knm={1700 + (80 * Math.Cos(x / 7)):F1},mean_penetration_mm_rev={9.8 + Math.Sin(x):F2} {ns}\n");
            points++;
            if (body.Length > 1_000_000 || t + step >= end)
            {
                using var response = await http.PostAsync($"{platform.Influx.Url}/write?db={database}&rp={policy}&precision=ns", new StringContent(body.ToString()), ct);
                response.EnsureSuccessStatusCode();
                body.Clear();
            }
        }

        Console.WriteLine($"seeded {points:N0} points into {policy}");
    }
}
