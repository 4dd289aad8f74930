using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Equipment.Benchmarks;

/// <summary>
/// Shift report and a month's time-use summary over 30 days of 1 Hz <c>tbm</c> data (2.6 million samples with
/// boring, stroke, chainage and stop reasons, plus a <c>tbm_stroke</c> point per stroke) written straight into
/// InfluxDB, then asked through the dashboard's API repeatedly; latency end to end over HTTP. The month's first
/// request (which classifies the raw samples and stores the day summaries) is timed on its own.
/// </summary>
public static class TimeUseLatency
{
    private const string Id = "tu-tbm";

    public static async Task<int> RunAsync(Platform platform, int queries, CancellationToken ct)
    {
        const string database = "bench_timeuse";
        await platform.StartPlatformAsync(database, ct);
        await platform.StartDashboardAsync(database, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Platform.DevToken);
        (await http.PutAsJsonAsync($"{platform.DashboardUrl}/api/equipment/{Id}", new
        {
            kind = "tbm",
            name = Id,
            site = "bench",
            tbm = new { siteTimeZone = "Asia/Shanghai", targetChainageM = 5000.0 },
        }, ct)).EnsureSuccessStatusCode();

        // 30 production days, 1 March 06:00 Shanghai (28 Feb 22:00Z) onwards.
        var start = new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        var samples = await Seed(platform, database, start, 30, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {samples:N0} samples (30 days at 1 Hz) in {clock.Elapsed.TotalSeconds:F0} s"));

        var shift = await Measure(http, $"{platform.DashboardUrl}/api/tbm/{Id}/shifts/2026-03-15/2", queries, ct);

        // The month: the first request classifies every day's raw samples and stores each day's summary (the lazy path),
        // later ones read the summaries. Both are printed, and one after a late sample has marked an hour of one day.
        var monthUrl = $"{platform.DashboardUrl}/api/tbm/{Id}/time-use?from=2026-03-01&to=2026-03-30";
        var (cold, coldMs) = await Once(http, monthUrl, ct);
        var month = await Measure(http, monthUrl, Math.Max(3, queries / 2), ct);
        await Post($"tbm_late,id={Id} nonce=42i {start.AddDays(14).AddHours(3).ToUnixTimeMilliseconds()}000000\n", "ns");
        var (afterLate, afterLateMs) = await Once(http, monthUrl, ct);
        if (Total(cold) != Total(month.First) || Total(cold) != Total(afterLate))
        {
            throw new InvalidOperationException($"stored summaries answer differently: classified {Total(cold)}, stored {Total(month.First)}, after the late mark {Total(afterLate)}");
        }

        Console.WriteLine($"shift answer (first 300 chars): {shift.First[..Math.Min(300, shift.First.Length)]}");
        Console.WriteLine($"month answer total: {Total(month.First)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timeuse: shift report (28,800 samples + 1 h look-back), {shift.Count} queries: p50 {shift.P50:F0} ms p95 {shift.P95:F0} ms max {shift.Max:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timeuse: 30-day time use (2,592,000 samples), first request (classifies 30 days, stores their summaries): {coldMs:F0} ms; after a late sample's mark (1 day classified again): {afterLateMs:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timeuse: 30-day time use from stored day summaries, {month.Count} queries: p50 {month.P50:F0} ms p95 {month.P95:F0} ms max {month.Max:F0} ms (goal 500 ms each)"));
        return 0;

        async Task Post(string lines, string precision)
        {
            using var influx = new HttpClient();
            using var response = await influx.PostAsync($"{platform.Influx.Url}/write?db={database}&precision={precision}", new StringContent(lines), ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"InfluxDB write: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static string Total(string body) => body[body.IndexOf("\"total\"", StringComparison.Ordinal)..];

    private static async Task<(string Body, double Ms)> Once(HttpClient http, string url, CancellationToken ct)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
        return (body, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
    }

    private static async Task<(string First, int Count, double P50, double P95, double Max)> Measure(HttpClient http, string url, int queries, CancellationToken ct)
    {
        var first = "";
        var latencies = new List<double>();
        for (var i = 0; i < queries + 2; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
            if (i >= 2) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            else first = body;
        }

        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        return (first, latencies.Count, P(0.5), P(0.95), latencies[^1]);
    }

    /// <summary>
    /// Each hour: 25 min boring, 3 min regrip, 22 min boring (next stroke), 10 min standing for haulage or rock support;
    /// the daily 06:00–09:00 maintenance stop; 0.6 mm/s while boring.
    /// </summary>
    private static async Task<long> Seed(Platform platform, string database, DateTimeOffset start, int days, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var body = new StringBuilder(4_000_000);
        var strokes = new StringBuilder();
        long count = 0;
        var chainage = 1000.0;
        long stroke = 1;
        var total = days * 86400;
        for (var s = 0; s < total; s++)
        {
            var t = start.AddSeconds(s);
            var ofDay = s % 86400;
            var ofHour = s % 3600;
            int? reason = null;
            bool boring;
            if (ofDay < 3 * 3600) { boring = false; reason = 4; }
            else if (ofHour < 1500) boring = true;
            else if (ofHour < 1680) boring = false;
            else if (ofHour < 3000) boring = true;
            else { boring = false; reason = (s / 3600) % 3 == 0 ? 2 : 3; }

            if (ofHour == 1680 || ofHour == 0)
            {
                strokes.Append(CultureInfo.InvariantCulture, $"tbm_stroke,id={Id},site=bench,class={(stroke % 5 == 0 ? "exceptional" : "regular")} stroke={stroke}i,chainage_end_m={chainage:F3} {t.ToUnixTimeMilliseconds()}000000\n");
                stroke++;
            }

            if (boring) chainage += 0.0006;
            body.Append(CultureInfo.InvariantCulture, $"tbm,id={Id},site=bench chainage_m={chainage:F4},stroke={stroke}i,boring={(boring ? "true" : "false")}");
            if (reason is { } r) body.Append(CultureInfo.InvariantCulture, $",stop_reason={r}i");
            body.Append(CultureInfo.InvariantCulture, $" {t.ToUnixTimeMilliseconds() / 1000}\n");
            count++;
            if (body.Length > 3_500_000 || s == total - 1)
            {
                await Post(body.ToString(), "s");
                body.Clear();
            }
        }

        await Post(strokes.ToString(), "ns");
        return count;

        async Task Post(string lines, string precision)
        {
            using var response = await http.PostAsync($"{platform.Influx.Url}/write?db={database}&precision={precision}", new StringContent(lines), ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"InfluxDB write: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
