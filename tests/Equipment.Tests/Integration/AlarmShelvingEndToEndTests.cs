using Equipment.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Equipment.Tests.Integration;

/// <summary>Shelving a rule through the real gateway, silo and dashboard: no push while shelved, across a silo restart, active again on expiry.</summary>
[Collection(TwinsCollection.Name)]
public sealed class AlarmShelvingEndToEndTests(TwinsFixture platform)
{
    private const string Rule = "gear-oil-temp-high";

    [Fact]
    public async Task ShelveRule_HotGearOilWhileShelved_NoPushSurvivesRestartAndExpiryReactivates()
    {
        var id = "shelf-tbm-" + Guid.NewGuid().ToString("N")[..8];
        await Post($"tbm,id={id},site=north gear_oil_temp_c=60");
        await Eventually(async () => (await platform.Dashboard.GetAsync($"/api/equipment/{id}")).StatusCode == HttpStatusCode.OK ? "ok" : null);

        var pushed = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(platform.DashboardUrl + "/hubs/equipment", o => o.AccessTokenProvider = () => Task.FromResult<string?>(PlatformFixture.DevToken))
            .Build();
        hub.On<JsonElement>("alert", a => pushed.Enqueue(a));
        await hub.StartAsync();
        await hub.InvokeAsync("Watch", "equipment:" + id);

        using var noReason = await platform.Dashboard.PostAsJsonAsync($"/api/equipment/{id}/rules/{Rule}/shelf", new { minutes = 1.5, reason = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be("reason");
        using var tooLong = await platform.Dashboard.PostAsJsonAsync($"/api/equipment/{id}/rules/{Rule}/shelf", new { minutes = 7 * 24 * 60 + 1, reason = "x" });
        (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be("minutes");
        using var unknownRule = await platform.Dashboard.PostAsJsonAsync($"/api/equipment/{id}/rules/no-such-rule/shelf", new { minutes = 5, reason = "x" });
        unknownRule.StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var shelve = await platform.Dashboard.PostAsJsonAsync($"/api/equipment/{id}/rules/{Rule}/shelf", new { minutes = 1.5, reason = "oil temperature sensor cable broken" });
        shelve.StatusCode.Should().Be(HttpStatusCode.OK);
        var shelf = await shelve.Content.ReadFromJsonAsync<JsonElement>();
        shelf.GetProperty("scope").GetString().Should().Be("rule");
        shelf.GetProperty("by").GetString().Should().Be("developer", "the dev token's user shelved it");
        var until = shelf.GetProperty("until").GetDateTimeOffset();
        (until - shelf.GetProperty("at").GetDateTimeOffset()).Should().Be(TimeSpan.FromSeconds(90));

        await Post($"tbm,id={id},site=north gear_oil_temp_c=95");
        var shelved = await Eventually(async () => (await Alerts("shelved")).SingleOrDefault(a => a.GetProperty("equipmentId").GetString() == id));
        var alertId = shelved.GetProperty("id").GetString()!;
        shelved.GetProperty("ruleId").GetString().Should().Be(Rule);
        shelved.GetProperty("shelf").GetProperty("reason").GetString().Should().Be("oil temperature sensor cable broken");
        (await Alerts("active")).Should().NotContain(a => a.GetProperty("id").GetString() == alertId, "a shelved alert is not listed as active");
        var alerting = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment?q={id}&state=alerting");
        alerting.GetProperty("items").GetArrayLength().Should().Be(0, "a machine whose only alert is shelved is not alerting");
        await Eventually(async () =>
        {
            var s = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/equipment/summary");
            return s.GetProperty("alerts").GetProperty("shelved").GetInt32() >= 1 ? "counted as shelved" : null;
        });

        // The snapshot push that follows the raise proves the hub delivers for this machine; the raise itself never came.
        await Task.Delay(TimeSpan.FromSeconds(2));
        pushed.Should().NotContain(a => a.GetProperty("id").GetString() == alertId, "a raise under a shelf is not pushed");

        await platform.Cluster.RestartSiloAsync(platform.Cluster.Primary!);

        var kept = await Eventually(async () => (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts/shelves")).EnumerateArray()
            .SingleOrDefault(s => s.GetProperty("equipmentId").GetString() == id));
        kept.GetProperty("until").GetDateTimeOffset().Should().Be(until);
        var twin = await Eventually(async () => await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}"));
        twin.GetProperty("openAlerts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == alertId)
            .GetProperty("shelf").GetProperty("by").GetString().Should().Be("developer", "the twin's shelf was restored from Redis");

        // Nothing is sent: the twin's own tick (or wake reminder) notices the expiry with the oil still hot.
        var active = await Eventually(async () => (await Alerts("active")).SingleOrDefault(a => a.GetProperty("id").GetString() == alertId), TimeSpan.FromSeconds(180));
        active.GetProperty("shelf").ValueKind.Should().Be(JsonValueKind.Null);
        DateTimeOffset.UtcNow.Should().BeOnOrAfter(until);
        await Eventually(async () =>
        {
            await Task.Yield();
            return pushed.Any(a => a.GetProperty("id").GetString() == alertId && a.GetProperty("state").GetString() == "active"
                && a.GetProperty("shelf").ValueKind == JsonValueKind.Null) ? "pushed" : null;
        }, TimeSpan.FromSeconds(60));
        (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts/shelves")).EnumerateArray()
            .Should().NotContain(s => s.GetProperty("equipmentId").GetString() == id);
        var audit = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}/shelves");
        audit.EnumerateArray().Single().GetProperty("endedBy").GetString().Should().Be("expired");

        var trail = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT action, reason, shelved_by FROM alert_shelf WHERE id = '{id}'");
        trail.Single()["reason"].GetString().Should().Be("oil temperature sensor cable broken");
        // The tick that noticed the expiry announces the alert while its write to InfluxDB may still be under way.
        var transitions = await Eventually(async () =>
        {
            var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT transition FROM alert WHERE id = '{id}' AND rule = '{Rule}'");
            return rows.Count >= 2 ? rows : null;
        });
        transitions.Select(t => t["transition"].GetString()).Should().Equal("raised", "unshelved");
    }

    [Fact]
    public async Task ShelveAlert_ThenUnshelveEarly_ActiveAgainAtOnce()
    {
        var id = "shelf-tbm-" + Guid.NewGuid().ToString("N")[..8];
        await Post($"tbm,id={id},site=north main_bearing_temp_c=90");
        var raised = await Eventually(async () => (await Alerts("active")).SingleOrDefault(a => a.GetProperty("equipmentId").GetString() == id && a.GetProperty("ruleId").GetString() == "main-bearing-temp-high"));
        var alertId = raised.GetProperty("id").GetString()!;

        using var shelve = await platform.Dashboard.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(alertId)}/shelve", new { minutes = 60, reason = "bearing probe replaced this shift" });
        shelve.StatusCode.Should().Be(HttpStatusCode.OK);
        (await shelve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetString().Should().Be(alertId);
        await Eventually(async () => (await Alerts("shelved")).SingleOrDefault(a => a.GetProperty("id").GetString() == alertId));

        using var unshelve = await platform.Dashboard.PostAsync($"/api/alerts/{Uri.EscapeDataString(alertId)}/unshelve", null);
        unshelve.StatusCode.Should().Be(HttpStatusCode.OK);
        (await unshelve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endedBy").GetString().Should().Be("developer");

        var again = await Eventually(async () => (await Alerts("active")).SingleOrDefault(a => a.GetProperty("id").GetString() == alertId));
        again.GetProperty("shelf").ValueKind.Should().Be(JsonValueKind.Null);
        using var twice = await platform.Dashboard.PostAsync($"/api/alerts/{Uri.EscapeDataString(alertId)}/unshelve", null);
        twice.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LatchingRule_ValueRecoversThenAcknowledged_StaysActiveUntilTheAcknowledgementClearsIt()
    {
        var id = "latch-tbm-" + Guid.NewGuid().ToString("N")[..8];
        using var register = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new
        {
            kind = "tbm",
            site = "north",
            rules = new[] { new { ruleId = "hydraulic-oil-temp-high", latching = true, minDurationS = 0.0 } },
        });
        register.StatusCode.Should().Be(HttpStatusCode.OK);
        var rules = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}/rules");
        var hydraulic = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "hydraulic-oil-temp-high");
        hydraulic.GetProperty("latching").GetBoolean().Should().BeTrue();
        hydraulic.GetProperty("minDurationS").GetDouble().Should().Be(0);

        await Post($"tbm,id={id},site=north hydraulic_oil_temp_c=74");
        var raised = await Eventually(async () => (await Alerts("active")).SingleOrDefault(a => a.GetProperty("equipmentId").GetString() == id));
        var alertId = raised.GetProperty("id").GetString()!;
        await Post($"tbm,id={id},site=north hydraulic_oil_temp_c=58");

        var latched = await Eventually(async () =>
        {
            var twin = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}");
            var open = twin.GetProperty("openAlerts").EnumerateArray().SingleOrDefault(a => a.GetProperty("id").GetString() == alertId);
            return open.ValueKind == JsonValueKind.Object && open.GetProperty("latched").GetBoolean() ? open : default;
        });
        latched.GetProperty("state").GetString().Should().Be("active", "a latching alert waits for someone to see it");

        using var ack = await platform.Dashboard.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(alertId)}/ack", new { by = "night-shift" });

        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await ack.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("state").GetString().Should().Be("cleared", "acknowledged with the value back to normal clears it at once");
        answer.GetProperty("acknowledgedBy").GetString().Should().Be("night-shift");
    }

    private async Task Post(string lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ns") { Content = new StringContent(lines) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        using var response = await platform.Gateway.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private async Task<List<JsonElement>> Alerts(string state) =>
        (await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/alerts?state={state}")).EnumerateArray().ToList();

    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) => Eventually(attempt, TimeSpan.FromSeconds(30));

    private static Task<T> Eventually<T>(Func<Task<T?>> attempt, TimeSpan timeout) =>
        Poll.UntilAsync(attempt, timeout, TimeSpan.FromMilliseconds(250));
}
