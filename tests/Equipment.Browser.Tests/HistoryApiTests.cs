using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Equipment.Browser.Tests;

/// <summary>GET /api/equipment/{id}/history against InfluxDB: parameters, tiers, CSV, cutter positions, rollup set-up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryApiTests(BrowserPlatformFixture platform)
{
    [Theory]
    [InlineData("", "fields is required")]
    [InlineData("fields=thrust_kn;drop", "is not a field name")]
    [InlineData("fields=thrust_kn&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from must be before to")]
    [InlineData("fields=thrust_kn&from=yesterday", "from must be an ISO 8601 time")]
    [InlineData("fields=thrust_kn&every=5x", "every must be a duration")]
    [InlineData("fields=thrust_kn&measurement=truck", "does not belong to a tbm")]
    [InlineData("fields=wear_mm&measurement=tbm_cutter", "needs position")]
    [InlineData("fields=thrust_kn&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "range must be at most")]
    public async Task History_InvalidParameters_Returns400WithReason(string query, string reason)
    {
        var id = await KnownTbmAsync();

        using var response = await platform.Dashboard.GetAsync($"/api/equipment/{id}/history?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("code").GetString().Should().Be("invalid");
        body.GetProperty("message").GetString().Should().Contain(reason);
    }

    [Fact]
    public async Task History_UnknownMachine_Returns404()
    {
        using var response = await platform.Dashboard.GetAsync("/api/equipment/no-such-machine/history?fields=rpm");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_RawRange_ReturnsOneMeanPerBucketInColumns()
    {
        var id = TestIds.New("tbm");
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var t0 = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        // Two points in the first minute (mean 150), one in the second.
        await platform.PostLinesAsync(string.Join('\n',
            $"tbm,id={id} rpm=100,thrust_kn=1 {t0.AddSeconds(10).ToUnixTimeMilliseconds()}",
            $"tbm,id={id} rpm=200,thrust_kn=1 {t0.AddSeconds(20).ToUnixTimeMilliseconds()}",
            $"tbm,id={id} rpm=300,thrust_kn=1 {t0.AddSeconds(70).ToUnixTimeMilliseconds()}") + "\n");
        var from = Uri.EscapeDataString(t0.ToString("O"));
        var to = Uri.EscapeDataString(t0.AddMinutes(5).ToString("O"));

        var body = await PollAsync($"/api/equipment/{id}/history?fields=rpm,thrust_kn&from={from}&to={to}&every=1m", 2);

        body.GetProperty("tier").GetString().Should().Be("raw");
        body.GetProperty("times").EnumerateArray().Select(t => t.GetInt64()).Should().Equal(t0.ToUnixTimeMilliseconds(), t0.AddMinutes(1).ToUnixTimeMilliseconds());
        body.GetProperty("values").GetProperty("rpm").EnumerateArray().Select(v => v.GetDouble()).Should().Equal(150, 300);
    }

    [Fact]
    public async Task History_FormatCsv_ReturnsHeaderAndOneRowPerBucket()
    {
        var id = TestIds.New("truck");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        t0 = new DateTimeOffset(t0.Year, t0.Month, t0.Day, t0.Hour, t0.Minute, 0, TimeSpan.Zero);
        await platform.PostLinesAsync($"truck,id={id} soc_pct=80.5 {t0.AddSeconds(5).ToUnixTimeMilliseconds()}\ntruck,id={id} soc_pct=79.25 {t0.AddSeconds(65).ToUnixTimeMilliseconds()}\n");
        var range = $"from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddMinutes(3).ToString("O"))}";
        await PollAsync($"/api/equipment/{id}/history?fields=soc_pct&{range}&every=1m", 2);

        using var response = await platform.Dashboard.GetAsync($"/api/equipment/{id}/history?fields=soc_pct&{range}&every=1m&format=csv");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal("time,soc_pct", $"{t0.UtcDateTime:yyyy-MM-ddTHH:mm:ss}.000Z,80.5", $"{t0.AddMinutes(1).UtcDateTime:yyyy-MM-ddTHH:mm:ss}.000Z,79.25");
    }

    [Fact]
    public async Task History_CutterPosition_ReturnsThatPositionsWear()
    {
        var id = TestIds.New("tbm");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
        await platform.PostLinesAsync(string.Join('\n',
            $"tbm,id={id} chainage_m=10,rpm=6 {t0.ToUnixTimeMilliseconds()}",
            $"tbm_cutter,id={id},position=7 wear_mm=4.5 {t0.AddSeconds(1).ToUnixTimeMilliseconds()}",
            $"tbm_cutter,id={id},position=8 wear_mm=9 {t0.AddSeconds(1).ToUnixTimeMilliseconds()}") + "\n");

        var body = await PollAsync($"/api/equipment/{id}/history?measurement=tbm_cutter&position=7&fields=wear_mm&every=1m", 1);

        body.GetProperty("values").GetProperty("wear_mm").EnumerateArray().Select(v => v.GetDouble()).Should().Equal(4.5);
        body.GetProperty("position").GetInt32().Should().Be(7);
    }

    [Fact]
    public async Task History_RangeOfTwoDays_ReadsTheMinuteRollupAndLongerRangesTheHourRollup()
    {
        var id = await KnownTbmAsync();
        var to = DateTimeOffset.UtcNow;

        var days = await PollAsync($"/api/equipment/{id}/history?fields=rpm&from={Uri.EscapeDataString(to.AddDays(-2).ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}", 0);
        var month = await PollAsync($"/api/equipment/{id}/history?fields=rpm&from={Uri.EscapeDataString(to.AddDays(-30).ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}", 0);

        days.GetProperty("tier").GetString().Should().Be("1m");
        month.GetProperty("tier").GetString().Should().Be("1h");
        month.GetProperty("every").GetString().Should().Be("3h", "30 days in at most 400 buckets of a whole tier step");
    }

    [Fact]
    public async Task Rollups_OnStart_RetentionPoliciesAndContinuousQueriesExist()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string queries;
        do
        {
            queries = (await platform.Influx.QueryAsync(BrowserPlatformFixture.Database, "SHOW CONTINUOUS QUERIES")).ToString();
            if (queries.Contains("cq_rollup_1h", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        queries.Should().Contain("cq_rollup_1m").And.Contain("cq_rollup_1h").And.Contain("mean(*)");
        var policies = (await platform.Influx.QueryAsync(BrowserPlatformFixture.Database, $"SHOW RETENTION POLICIES ON \"{BrowserPlatformFixture.Database}\"")).ToString();
        policies.Should().Contain("rollup_1m").And.Contain("rollup_1h");
    }

    private async Task<string> KnownTbmAsync()
    {
        var id = TestIds.New("tbm");
        await platform.PostLinesAsync($"tbm,id={id} rpm=5\n");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await platform.Dashboard.GetAsync($"/api/equipment/{id}")).StatusCode != HttpStatusCode.OK)
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(100);
        }

        return id;
    }

    /// <summary>Points reach InfluxDB a little after the gateway's 204: ask until the expected number of buckets is there.</summary>
    private async Task<JsonElement> PollAsync(string path, int buckets)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await platform.Dashboard.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("times").GetArrayLength() >= buckets)
            {
                return body;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"{buckets} buckets expected from {path}");
            await Task.Delay(200);
        }
    }
}
