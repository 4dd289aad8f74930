using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Equipment.Tests.Integration;

/// <summary>The gateway's and dashboard's <c>/metrics</c> (Prometheus text, OpenTelemetry) scraped over HTTP while real writes go through.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class MetricsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Metrics_GatewayScrapedAroundRealWrites_CountersAndHistogramsMove()
    {
        var before = await Scrape(platform.Gateway);
        var statsBefore = await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats");
        var id = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (var request = 0; request < 5; request++)
        {
            var body = new StringBuilder();
            for (var i = 0; i < 5; i++)
            {
                var t = start.AddSeconds((request * 5) + i);
                body.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=metrics soc_pct={80 - (request * 0.1)},speed_kmh={40 + i} {t.ToUnixTimeMilliseconds()}\n");
            }

            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(body.ToString()) };
            message.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            (await platform.Gateway.SendAsync(message)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using (var bad = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment") { Content = new StringContent("truck,id=x soc_pct=\n") })
        {
            bad.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            (await platform.Gateway.SendAsync(bad)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        // The exporter caches a scrape briefly. Other gateways in this test process use the same meter name but their own
        // IMeterFactory, which this gateway's exporter leaves out (CI once saw a counter go back by one when another stopped).
        var after = await Eventually(async () =>
        {
            var m = await Scrape(platform.Gateway);
            return m.GetValueOrDefault("equipment_gateway_points_total") - before.GetValueOrDefault("equipment_gateway_points_total") >= 25 ? m : null;
        });
        Delta("equipment_gateway_requests_total").Should().BeGreaterThanOrEqualTo(5);
        Delta("equipment_gateway_requests_refused_total").Should().BeGreaterThanOrEqualTo(1);
        Delta("equipment_gateway_delivery_lag_seconds_count").Should().BeGreaterThanOrEqualTo(5, "every delivered record's lag is measured");
        Delta("equipment_gateway_grain_call_duration_seconds_count").Should().BeGreaterThanOrEqualTo(1);
        Delta("equipment_gateway_delivery_batch_points_sum").Should().BeGreaterThanOrEqualTo(25);
        after.Keys.Should().Contain(k => k.StartsWith("equipment_gateway_spool_bytes", StringComparison.Ordinal), "the spool's size is a gauge");

        // /stats reads this gateway's own instruments: exact.
        var stats = await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats");
        (stats.GetProperty("points").GetInt64() - statsBefore.GetProperty("points").GetInt64()).Should().Be(25);
        (stats.GetProperty("requests").GetInt64() - statsBefore.GetProperty("requests").GetInt64()).Should().Be(5);
        (stats.GetProperty("refused").GetInt64() - statsBefore.GetProperty("refused").GetInt64()).Should().Be(1);

        double Delta(string name) => after.GetValueOrDefault(name) - before.GetValueOrDefault(name);
    }

    [Fact]
    public async Task Metrics_DashboardScrapedWithoutUser_CountsRestRequests()
    {
        (await platform.Dashboard.GetAsync("/api/equipment")).EnsureSuccessStatusCode();
        using var anonymous = new HttpClient { BaseAddress = platform.Dashboard.BaseAddress };
        var metrics = await Eventually(async () =>
        {
            var m = await Scrape(anonymous);
            return m.Keys.Any(k => k.StartsWith("equipment_dashboard_rest_requests_total", StringComparison.Ordinal)) ? m : null;
        });
        metrics.Where(m => m.Key.StartsWith("equipment_dashboard_rest_requests_total", StringComparison.Ordinal)).Sum(m => m.Value).Should().BeGreaterThanOrEqualTo(1);
    }

    /// <summary>Prometheus text: <c>name{labels} value</c> per line; labelled series are summed under the bare name too.</summary>
    private static async Task<Dictionary<string, double>> Scrape(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (Sample().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            var labels = match.Groups["labels"].Value;
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            values[name + labels] = value;
            if (labels.Length > 0 && !labels.Contains("le=\"", StringComparison.Ordinal))
            {
                values[name] = values.GetValueOrDefault(name) + value;
            }
        }

        return values;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{.*\})?\s+(?<value>\S+)(\s+-?\d+)?$""")]
    private static partial Regex Sample();

    private static async Task<T> Eventually<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met within 30 s");
            }

            await Task.Delay(300);
        }
    }
}
