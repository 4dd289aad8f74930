using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Equipment.Tests.Integration;

namespace Equipment.Tests.Backfill;

/// <summary>
/// A day of 30-day-old data written through the real gateway (out of order, with an hour parked) reaches the 1-hour
/// and 1-minute tiers, read back through the dashboard's history API: the continuous queries alone would never see it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BackfillEndToEndTests(PlatformFixture platform)
{
    [Fact]
    public async Task Write_DayThirtyDaysOld_ReachesHourAndMinuteTiersThroughHistoryApi()
    {
        var id = "bf-" + Guid.NewGuid().ToString("N")[..10];
        var day = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-30), TimeSpan.Zero);
        var lines = new List<string>();
        for (var s = 0; s < 86_400; s += 10)
        {
            var hour = s / 3600;
            if (hour == 13)
            {
                continue; // parked over the shift change: no points, so no rollup for that hour
            }

            // Alternating +0/+1 around a per-hour level: every 1-minute and 1-hour mean is level + 0.5.
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"tbm,id={id},site=site-a thrust_kn={10_000 + (hour * 10) + ((s / 10) % 2)},rpm=5.5 {day.ToUnixTimeSeconds() + s}"));
        }

        // Re-sent the way a logger or a spool replay does: newest chunk first.
        foreach (var chunk in lines.Chunk(2000).Reverse())
        {
            using var response = await platform.Gateway.PostAsync($"/write?db=equipment&precision=s&p={PlatformFixture.DevToken}", new StringContent(string.Join('\n', chunk) + "\n", Encoding.UTF8));
            response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }

        var hourly = await PollAsync(id, day.AddDays(-4), day.AddDays(4), "1h", expected: 23);
        hourly.Tier.Should().Be("1h");
        hourly.Values.Should().HaveCount(23);
        foreach (var (time, value) in hourly.Values)
        {
            var hour = (int)(time - day).TotalHours;
            hour.Should().BeInRange(0, 23).And.NotBe(13);
            value.Should().BeApproximately(10_000 + (hour * 10) + 0.5, 1e-9, $"hour {hour}");
        }

        var minutes = await PollAsync(id, day, day.AddDays(1), "1m", expected: 23 * 60);
        minutes.Tier.Should().Be("1m");
        minutes.Values.Should().HaveCount(23 * 60);
        minutes.Values.Should().OnlyContain(v => Math.Abs(v.Value - (10_000 + ((int)(v.Time - day).TotalHours * 10) + 0.5)) < 1e-9);
    }

    private async Task<(string Tier, List<(DateTimeOffset Time, double Value)> Values)> PollAsync(string id, DateTimeOffset from, DateTimeOffset to, string every, int expected)
    {
        var path = $"/api/equipment/{id}/history?fields=thrust_kn&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&every={every}";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await platform.Dashboard.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                var times = body.GetProperty("times").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(t.GetInt64()) : t.GetDateTimeOffset()).ToList();
                var values = body.GetProperty("values").GetProperty("thrust_kn").EnumerateArray().ToList();
                var present = times.Zip(values).Where(p => p.Second.ValueKind == JsonValueKind.Number).Select(p => (p.First, p.Second.GetDouble())).ToList();
                if (present.Count >= expected || DateTime.UtcNow > deadline)
                {
                    return (body.GetProperty("tier").GetString()!, present);
                }
            }
            else if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(500);
        }
    }
}
