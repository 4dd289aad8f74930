using System.Globalization;
using Equipment.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static System.FormattableString;

namespace Equipment.Tests.Integration;

/// <summary>
/// The month's time use from stored day summaries through the real gateway, silo, InfluxDB and dashboard: the first
/// answer classifies and stores each day, later answers read the summaries, a late sample (its hour marked by the silo)
/// and an operator's reassignment make just their day be classified again, and the answer from summaries is the same as
/// classifying every raw sample (the summaries dropped).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TimeUseSummaryEndToEndTests(PlatformFixture platform)
{
    private const string Id = "e2e-timeuse-1";
    private const string Range = "from=2026-04-01&to=2026-04-03";

    // Asia/Shanghai, production days from 06:00 local: 1 April 2026 = 31 March 22:00Z – 1 April 22:00Z.
    private static readonly DateTimeOffset Day1 = new(2026, 3, 31, 22, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TimeUse_LateSampleAndReassignmentAfterSummaries_SameAsClassifyingRawSamples()
    {
        await Register();
        var lines = Enumerable.Range(0, 3).SelectMany(d => Day(Day1.AddDays(d), stroke: 1 + (3 * d))).ToList();
        foreach (var chunk in lines.Chunk(1000)) await Write(chunk);
        await Poll.UntilAsync(async () => await CountWhere("tbm", "boring") == lines.Count ? (object)true : null, Timeout, Every);

        // First answer: every day classified from its samples, and stored.
        var first = await TimeUse();
        Sources(first).Should().Equal("classified", "classified", "classified");
        var day = first.GetProperty("days")[0].GetProperty("timeUse");
        // Per day: boring 3 × 1,800 s at 2 s a sample, the last sample standing for 60 s → 5,458 s; 180 s between strokes
        // = regrip; haulage (code 3) 1,800 s; everything else no data.
        day.GetProperty("boringS").GetDouble().Should().Be(5458);
        day.GetProperty("regripS").GetDouble().Should().Be(180);
        day.GetProperty("standstillByReasonS").GetProperty("haulage").GetDouble().Should().Be(1800);
        day.GetProperty("noDataS").GetDouble().Should().Be(86400 - 5458 - 180 - 1800);
        await Poll.UntilAsync(async () => await CountWhere("tbm_timeuse_day", "boring_s") == 3 ? (object)true : null, Timeout, Every);

        var second = await TimeUse();
        Sources(second).Should().Equal("stored", "stored", "stored");
        Figures(second).Should().Equal(Figures(first));

        // A sample of day 2 arrives late (a radio buffer flushed hours later): a breakdown at 02:46:40 after the day's start,
        // in the silence; it stands for 60 s. Only day 2 is classified again.
        await Write([Invariant($"tbm,id={Id},site=e2e chainage_m=200.0,stroke=6i,boring=false,stop_reason=5i {Day1.AddDays(1).AddSeconds(10_000).ToUnixTimeMilliseconds()}")]);
        var afterLate = await Poll.UntilAsync(async () => await TimeUse() is var a && Reason(a, 1, "breakdown") == 60 ? a : default, Timeout, Every);
        Sources(afterLate).Should().Equal("stored", "classified", "stored");
        afterLate.GetProperty("days")[1].GetProperty("timeUse").GetProperty("noDataS").GetDouble().Should().Be(86400 - 5458 - 180 - 1800 - 60);

        // An operator says day 3's haulage stop was maintenance: day 3 is classified again with the new reason.
        var stopStart = Day1.AddDays(2).AddSeconds(3780);
        using (var op = await Operator())
        {
            var path = $"/api/tbm/{Id}/stops/{Uri.EscapeDataString(stopStart.ToString("O", CultureInfo.InvariantCulture))}/reason";
            using var posted = await op.PostAsJsonAsync(path, new { reason = 4 });
            posted.StatusCode.Should().Be(HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        }

        var afterReason = await Poll.UntilAsync(async () => await TimeUse() is var a && Reason(a, 2, "maintenance") == 1800 ? a : default, Timeout, Every);
        Sources(afterReason)[2].Should().Be("classified");
        Reason(afterReason, 2, "haulage").Should().BeNull();

        // Every day stored again; then, with the summaries dropped, the same days classified from their raw samples.
        var stored = await Poll.UntilAsync(async () => await TimeUse() is var a && Sources(a).All(s => s == "stored") ? a : default, Timeout, Every);
        await platform.Influx.QueryAsync(PlatformFixture.Database, "DROP MEASUREMENT \"tbm_timeuse_day\"");
        var raw = await TimeUse();
        Sources(raw).Should().Equal("classified", "classified", "classified");
        Figures(stored).Should().Equal(Figures(raw));
        Figures(raw).Should().Equal(Figures(afterReason));
        Reason(raw, 1, "breakdown").Should().Be(60);
    }

    [Fact]
    public async Task TimeUse_OpenDay_ClassifiedEveryTimeWhileAClosedDayIsStored()
    {
        await Register("e2e-timeuse-2");

        // The production day holding now (Shanghai, from 06:00 local = 22:00Z) is open; 1 April 2026 closed long ago.
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var open = $"/api/tbm/e2e-timeuse-2/time-use?from={today}&to={today}";
        const string closed = "/api/tbm/e2e-timeuse-2/time-use?from=2026-04-01&to=2026-04-01";

        Sources(await platform.Dashboard.GetFromJsonAsync<JsonElement>(closed)).Should().Equal("classified");
        Sources(await platform.Dashboard.GetFromJsonAsync<JsonElement>(open)).Should().Equal("classified");
        await Poll.UntilAsync(async () => Sources(await platform.Dashboard.GetFromJsonAsync<JsonElement>(closed)).SequenceEqual(["stored"]) ? (object)true : null, Timeout, Every);

        // The closed day's summary is in InfluxDB by now; the open day has none and is classified again.
        var answer = await platform.Dashboard.GetFromJsonAsync<JsonElement>(open);
        Sources(answer).Should().Equal("classified");
        answer.GetProperty("days")[0].GetProperty("from").GetDateTimeOffset().Should().BeOnOrBefore(now);
        answer.GetProperty("days")[0].GetProperty("to").GetDateTimeOffset().Should().BeAfter(now);
    }

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// From the day's start, a sample every 2 s: boring stroke s for 30 min, 3 min standing (nothing reported), boring stroke
    /// s + 1 for 30 min, 30 min haulage (code 3), boring stroke s + 2 for 30 min; then silence for the rest of the day.
    /// </summary>
    private static IEnumerable<string> Day(DateTimeOffset start, int stroke)
    {
        (int Seconds, bool Boring, int Stroke, int? Reason)[] parts = [(1800, true, stroke, null), (180, false, stroke, null), (1800, true, stroke + 1, null), (1800, false, stroke + 1, 3), (1800, true, stroke + 2, null)];
        var t = 0;
        var chainage = 100.0 + stroke;
        foreach (var (seconds, boring, k, reason) in parts)
        {
            for (var s = 0; s < seconds; s += 2, t += 2)
            {
                if (boring) chainage += 0.001;
                yield return Invariant($"tbm,id={Id},site=e2e chainage_m={chainage:F3},stroke={k}i,boring={(boring ? "true" : "false")}{(reason is { } r ? $",stop_reason={r}i" : "")} {start.AddSeconds(t).ToUnixTimeMilliseconds()}");
            }
        }
    }

    private async Task<JsonElement> TimeUse() => await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/tbm/{Id}/time-use?{Range}");

    private static List<string> Sources(JsonElement answer) => [.. answer.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("source").GetString()!)];

    /// <summary>Each day's figures and the total, as JSON text: equal only when every number is the same.</summary>
    private static List<string> Figures(JsonElement answer) =>
        [.. answer.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("timeUse").GetRawText()), answer.GetProperty("total").GetRawText()];

    private static double? Reason(JsonElement answer, int day, string reason) =>
        answer.GetProperty("days")[day].GetProperty("timeUse").GetProperty("standstillByReasonS").TryGetProperty(reason, out var v) ? v.GetDouble() : null;

    private async Task<long> CountWhere(string measurement, string field)
    {
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT count(\"{field}\") FROM \"{measurement}\" WHERE \"id\" = '{Id}'");
        return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
    }

    private async Task Write(IEnumerable<string> lines)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(string.Join('\n', lines)) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        using var response = await platform.Gateway.SendAsync(message);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private async Task Register(string id = Id)
    {
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "tbm",
            name = id,
            site = "e2e",
            tbm = new { siteTimeZone = "Asia/Shanghai" },
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> Operator()
    {
        var name = "operator-" + Guid.NewGuid().ToString("N")[..6];
        using var response = await platform.Dashboard.PostAsJsonAsync("/api/admin/users", new { name, roles = new[] { "operator" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var client = new HttpClient { BaseAddress = new Uri(platform.DashboardUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
