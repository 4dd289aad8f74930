using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Equipment.Benchmarks;

/// <summary>
/// Cutter-plan answer time: a 50-cutter, 7 m TBM with a year of telemetry (a sample every 60 s, 15 m/day) and an
/// inspection of every position each 8 h (with changes at the limits, positions 22 and 37 blocked at 3× wear) goes
/// through the gateway into its twin; then <c>GET /api/tbm/{id}/cutter-plan</c> is asked repeatedly through the
/// dashboard and timed end to end over HTTP (goal ≤ 200 ms).
/// </summary>
public static class CutterPlanLatency
{
    private const string Id = "plan-bench-tbm";

    public static async Task<int> RunAsync(Platform platform, int queries, int days, CancellationToken ct)
    {
        const string database = "bench_cutterplan";
        await platform.StartPlatformAsync(database, ct);
        await platform.StartDashboardAsync(database, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Platform.DevToken);
        using (var register = await http.PutAsJsonAsync($"{platform.DashboardUrl}/api/equipment/{Id}", new
        {
            kind = "tbm",
            name = "Plan bench",
            site = "bench",
            tbm = new { cutterCount = 50, cutterheadDiameterM = 7.0, nextMaintenanceStop = new { chainageM = 1000.0 + (15.0 * days) + 60 } },
        }, ct))
        {
            register.EnsureSuccessStatusCode();
        }

        var clock = Stopwatch.StartNew();
        var (bodies, lines, inspections, lastMs) = Generate(DateTimeOffset.UtcNow.AddDays(-days - 1), days);
        foreach (var body in bodies)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, platform.GatewayUrl + "/api/v2/write?precision=ms") { Content = new StringContent(body) };
            post.Headers.Authorization = new AuthenticationHeaderValue("Token", Platform.DevToken);
            (await http.SendAsync(post, ct)).EnsureSuccessStatusCode();
        }

        var url = $"{platform.DashboardUrl}/api/tbm/{Id}/cutter-plan";
        var asOf = DateTimeOffset.FromUnixTimeMilliseconds(lastMs);
        string first;
        while (true)
        {
            first = await http.GetStringAsync(url, ct);
            var plan = JsonDocument.Parse(first).RootElement;
            if (plan.GetProperty("asOf").ValueKind == JsonValueKind.String && plan.GetProperty("asOf").GetDateTimeOffset() >= asOf) break;
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("the twin did not apply the year within 10 minutes");
            await Task.Delay(500, ct);
        }

        Console.WriteLine($"sent {lines:N0} lines ({inspections:N0} inspection lines) for {days} days and the twin applied them in {clock.Elapsed.TotalSeconds:F1} s");
        var root = JsonDocument.Parse(first).RootElement;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan: chainage {root.GetProperty("chainageM").GetDouble():F1} m, pace {root.GetProperty("paceMPerDay").GetDouble():F1} m/day, due [{string.Join(",", root.GetProperty("due").EnumerateArray())}], discs {root.GetProperty("discsNeeded").GetProperty("total").GetInt32()}, changed {root.GetProperty("discsChanged").GetInt32()}, abnormal [{string.Join(",", root.GetProperty("abnormalPositions").EnumerateArray())}], {first.Length:N0} bytes"));

        var latencies = new List<double>();
        for (var i = 0; i < queries + 10; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url, ct);
            _ = await response.Content.ReadAsStringAsync(ct);
            response.EnsureSuccessStatusCode();
            if (i >= 10) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }

        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cutterplan: 50 cutters, {days} days of inspections, {queries} queries: p50 {P(0.50):F1} ms p95 {P(0.95):F1} ms max {latencies[^1]:F1} ms (goal p95 <= 200 ms)"));
        return P(0.95) <= 200 ? 0 : 1;
    }

    /// <summary>
    /// A sample every 60 s at 6 rpm (the twin integrates intervals up to 60 s), 15 m/day; wear per rolled km 0.03 mm
    /// × 0.8–1.2 per position (× 3 at 22 and 37); inspections every 8 h read ±0.1 mm and change discs at their limit.
    /// </summary>
    private static (List<string> Bodies, long Lines, long Inspections, long LastMs) Generate(DateTimeOffset start, int days)
    {
        const int n = 50;
        var random = new Random(2026);
        var factor = Enumerable.Range(1, n).Select(p => (p is 22 or 37 ? 3.0 : 1.0) * (0.8 + (0.4 * random.NextDouble()))).ToArray();
        var limit = Enumerable.Range(1, n).Select(p => p <= 4 ? 20.0 : p > n - 8 ? 15.0 : 25.0).ToArray();
        var wear = Enumerable.Range(0, n).Select(i => random.NextDouble() * 0.8 * limit[i]).ToArray();
        var bodies = new List<string>();
        var body = new StringBuilder();
        long lines = 0, inspections = 0, ms = 0;
        var startMs = start.ToUnixTimeMilliseconds();
        for (long t = 0; t <= days * 86_400L; t += 60)
        {
            ms = startMs + (t * 1000);
            var chainage = 1000 + (15.0 * t / 86_400) + ((random.NextDouble() - 0.5) * 0.004);
            body.Append(CultureInfo.InvariantCulture, $"tbm,id={Id},site=bench chainage_m={chainage:F4},rpm=6,boring=true,thrust_kn=10000,torque_knm=1600,penetration_mm_rev=9 {ms}\n");
            lines++;
            for (var i = 0; i < n; i++)
            {
                // 6 rpm for 60 s = 6 revolutions at r_i = (i+1)/n · 3.5 m.
                wear[i] += 0.03 * factor[i] * (2 * Math.PI * 3.5 * (i + 1) / n * 6 / 1000);
            }

            if (t % (8 * 3600) == 0)
            {
                for (var i = 0; i < n; i++)
                {
                    var read = Math.Max(0, Math.Round(wear[i] + ((random.NextDouble() - 0.5) * 0.2), 1));
                    body.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={Id},site=bench,position={i + 1} wear_mm={read} {ms}\n");
                    lines++;
                    inspections++;
                    if (wear[i] >= limit[i])
                    {
                        wear[i] = 0;
                        body.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={Id},site=bench,position={i + 1} wear_mm=0,replaced=true {ms + 1000}\n");
                        lines++;
                        inspections++;
                    }
                }
            }

            if (body.Length > 500_000)
            {
                bodies.Add(body.ToString());
                body.Clear();
            }
        }

        if (body.Length > 0) bodies.Add(body.ToString());
        return (bodies, lines, inspections, ms);
    }
}
