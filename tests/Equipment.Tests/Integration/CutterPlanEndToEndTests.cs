using Equipment.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Equipment.Tests.Integration;

/// <summary>The cutter-change plan on the whole platform: line protocol through the gateway, twin in the silo, API of the dashboard.</summary>
[Collection(TwinsCollection.Name)]
public sealed class CutterPlanEndToEndTests(TwinsFixture platform)
{
    /// <summary>
    /// A 10-cutter, 7 m head (centre 1–2, face 3–8, gauge 9–10; limits 20/25/15 mm; next stop at 400 m) bores from
    /// 100 m to 200 m in two days at 6 rpm with ±2 mm chainage noise, sending every 30 s; inspections at 100, 150 and
    /// 200 m where position i has worn i mm per 100 m (all roll off the same mm/km) except position 6, a blocked disc,
    /// at 18 mm per 100 m. A late re-sent inspection of position 6 (older, lower) must not bend its fit.
    /// Same figures as the domain's worked example (CutterPlannerTests).
    /// </summary>
    [Fact]
    public async Task CutterPlan_TwoDaysOfBoringAndThreeInspections_DuePositionsDiscsAndBlockedDiscThroughGateway()
    {
        var id = "plan-tbm-" + Guid.NewGuid().ToString("N")[..8];
        await Register(id, new
        {
            cutterCount = 10,
            cutterheadDiameterM = 7.0,
            cutterClasses = new { centreCount = 2, gaugeCount = 2 },
            cutterWearLimitMm = new { centre = 20, face = 25, gauge = 15 },
            nextMaintenanceStop = new { chainageM = 400.0 },
        });

        var start = DateTimeOffset.UtcNow.AddDays(-2).AddHours(-2);
        var startMs = start.ToUnixTimeMilliseconds();
        var noise = new Random(7);
        const int stepS = 30;
        const int totalS = 2 * 86_400;
        var body = new StringBuilder();
        for (var t = 0; t <= totalS; t += stepS)
        {
            var chainage = 100 + (100.0 * t / totalS) + ((noise.NextDouble() - 0.5) * 0.004);
            body.Append(CultureInfo.InvariantCulture, $"tbm,id={id} chainage_m={chainage:F4},rpm=6,boring=true,thrust_kn=9000,torque_knm=1500,penetration_mm_rev=8 {startMs + (t * 1000L)}\n");
            if (t % 86_400 == 0)
            {
                var advancedM = 100.0 * t / totalS;
                for (var i = 1; i <= 10; i++)
                {
                    var perHundredM = i == 6 ? 18.0 : i;
                    body.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={id},position={i} wear_mm={perHundredM * advancedM / 100:F4} {startMs + (t * 1000L)}\n");
                }
            }

            if (body.Length > 200_000 || t == totalS)
            {
                await Post(body.ToString());
                body.Clear();
            }
        }

        // Re-sent by a field logger after the fact: older than position 6's newest inspection.
        await Post($"tbm_cutter,id={id},position=6 wear_mm=1.0 {startMs + (86_400_000L / 2)}\n");

        var text = await Eventually(async () =>
        {
            var json = await platform.Dashboard.GetStringAsync($"/api/tbm/{id}/cutter-plan");
            var p = JsonDocument.Parse(json).RootElement;
            return p.GetProperty("positions").GetArrayLength() == 10 && p.GetProperty("positions").EnumerateArray().All(r => r.GetProperty("inspections").GetInt32() == 3)
                ? json
                : null;
        });
        var plan = JsonDocument.Parse(text).RootElement;

        var positions = plan.GetProperty("positions").EnumerateArray().ToList();
        positions.Select(p => p.GetProperty("position").GetInt32()).Should().Equal(6, 10, 9, 8, 7, 5, 4, 3, 2, 1);
        var six = positions[0];
        six.GetProperty("wearRateMmPerM").GetDouble().Should().BeApproximately(0.18, 0.0005);
        six.GetProperty("chainageAtLimitM").GetDouble().Should().BeApproximately(238.89, 0.1);
        six.GetProperty("abnormal").GetBoolean().Should().BeTrue();
        six.GetProperty("rateToNeighbours").GetDouble().Should().BeApproximately(3.0, 0.001);
        positions.Skip(1).Should().OnlyContain(p => !p.GetProperty("abnormal").GetBoolean());
        plan.GetProperty("abnormalPositions").EnumerateArray().Select(p => p.GetInt32()).Should().Equal(6);

        plan.GetProperty("stopChainageM").GetDouble().Should().Be(400);
        plan.GetProperty("due").EnumerateArray().Select(p => p.GetInt32()).Should().Equal(6, 9, 10);
        var discs = plan.GetProperty("discsNeeded");
        (discs.GetProperty("centre").GetInt32(), discs.GetProperty("face").GetInt32(), discs.GetProperty("gauge").GetInt32(), discs.GetProperty("total").GetInt32())
            .Should().Be((0, 1, 2, 3));

        // Pace: 100 m in 2 days = 50 m/day; position 6 is 38.89 m ahead → 0.778 days after the newest sample.
        plan.GetProperty("paceMPerDay").GetDouble().Should().BeApproximately(50, 0.5);
        var asOf = plan.GetProperty("asOf").GetDateTimeOffset();
        asOf.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(startMs + (totalS * 1000L)), "the newest sample's device time");
        (six.GetProperty("dateAtLimit").GetDateTimeOffset() - asOf).TotalDays.Should().BeApproximately(0.7778, 0.01);
        // Projected: 0.0321667 discs per m ÷ 38.4845 m² (see the domain test); nothing changed yet.
        plan.GetProperty("projectedDiscsPerM3").GetDouble().Should().BeApproximately(8.3583e-4, 2e-6);
        plan.GetProperty("discsChanged").GetInt32().Should().Be(0);
        plan.GetProperty("excavatedM3").GetDouble().Should().BeApproximately(3848.45, 1.0);

        using var csv = await platform.Dashboard.GetAsync($"/api/tbm/{id}/cutter-plan?format=csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        rows.Should().HaveCount(11);
        rows[0].Should().StartWith("position,class,");
        var csvSix = rows[1].Split(',');
        (csvSix[0], csvSix[1], csvSix[12], csvSix[^1]).Should().Be(("6", "face", "true", "true"), "position 6 is first, due before the stop and abnormal");
    }

    [Fact]
    public async Task Register_NextMaintenanceStopWithoutChainageOrDate_Is400NamingTheField()
    {
        var id = "plan-bad-" + Guid.NewGuid().ToString("N")[..8];

        using var empty = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "tbm", tbm = new { nextMaintenanceStop = new { } } });
        using var ancient = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}",
            new { kind = "tbm", tbm = new { nextMaintenanceStop = new { at = "1970-01-01T00:00:00Z" } } });

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("nextMaintenanceStop needs chainageM or at");
        ancient.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ancient.Content.ReadAsStringAsync()).Should().Contain("nextMaintenanceStop.at");
    }

    [Fact]
    public async Task CutterPlan_UnknownFormat_Is400NamingTheField()
    {
        var id = "plan-fmt-" + Guid.NewGuid().ToString("N")[..8];
        await Register(id, new { cutterCount = 50 });

        using var response = await platform.Dashboard.GetAsync($"/api/tbm/{id}/cutter-plan?format=xml");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("format must be json or csv");
    }

    private async Task Register(string id, object tbm)
    {
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "tbm", name = id, site = "plan", tbm });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task Post(string lines)
    {
        await Eventually(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(lines) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            using var r = await platform.Gateway.SendAsync(request);
            return r.StatusCode == HttpStatusCode.NoContent ? "ok" : null;
        });
    }

    /// <summary>Retries while the twin catches up with the spool, up to 60 s (a loaded machine is slow).</summary>
    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) =>
        Poll.UntilAsync(attempt, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250));
}
