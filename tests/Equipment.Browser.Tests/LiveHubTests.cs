using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Equipment.Browser.Tests;

/// <summary>The SignalR hub of the contract, spoken to by a .NET client: scopes, coalescing, alerts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveHubTests(BrowserPlatformFixture platform)
{
    [Fact]
    public async Task Watch_UnknownScope_FailsWithReason()
    {
        await using var hub = await ConnectAsync();

        var act = () => hub.InvokeAsync("Watch", "planet:mars");

        (await act.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("unknown scope");
    }

    [Fact]
    public async Task Watch_EquipmentScopeUnderBurst_ReceivesFewCoalescedSnapshotsEndingWithTheLatest()
    {
        var id = TestIds.New("truck");
        await platform.PostLinesAsync($"truck,id={id},fleet=hub-fleet soc_pct=90\n");
        await using var hub = await ConnectAsync();
        var snapshots = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("snapshot", s => snapshots.Enqueue(s));
        await hub.InvokeAsync("Watch", $"equipment:{id}");

        var started = DateTime.UtcNow;
        for (var i = 1; i <= 40; i++)
        {
            await platform.PostLinesAsync($"truck,id={id},fleet=hub-fleet soc_pct={90 - i * 0.5:0.0}\n");
        }

        var elapsed = DateTime.UtcNow - started;
        await WaitAsync(() => snapshots.Any(s => Soc(s) == 70.0), "the last posted value should arrive");
        snapshots.Should().OnlyContain(s => s.GetProperty("id").GetString() == id, "an equipment scope hears only its machine");
        var allowed = (int)Math.Ceiling((elapsed.TotalMilliseconds + 2000) / 300) + 2;
        snapshots.Count.Should().BeLessThanOrEqualTo(Math.Min(40, allowed), "snapshots are coalesced to one per machine every 300 ms");
    }

    [Fact]
    public async Task Watch_FleetScope_ReceivesAlertOfATruckInThatFleetButNotOfAnotherFleet()
    {
        var mine = TestIds.New("truck");
        var other = TestIds.New("truck");
        await platform.PostLinesAsync($"truck,id={mine},fleet=hub-alerts inverter_temp_c=40\ntruck,id={other},fleet=elsewhere inverter_temp_c=40\n");
        await using var hub = await ConnectAsync();
        var alerts = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("alert", a => alerts.Enqueue(a));
        await hub.InvokeAsync("Watch", "fleet:hub-alerts");

        // inverter-temp-high raises above the rated 85 °C with no minimum duration.
        await platform.PostLinesAsync($"truck,id={other},fleet=elsewhere inverter_temp_c=99\ntruck,id={mine},fleet=hub-alerts inverter_temp_c=99\n");

        await WaitAsync(() => alerts.Any(a => a.GetProperty("equipmentId").GetString() == mine), "the fleet's alert should be pushed");
        var alert = alerts.First(a => a.GetProperty("equipmentId").GetString() == mine);
        alert.GetProperty("ruleId").GetString().Should().Be("inverter-temp-high");
        alert.GetProperty("state").GetString().Should().Be("active");
        alert.GetProperty("severity").GetString().Should().Be("major");
        alerts.Should().NotContain(a => a.GetProperty("equipmentId").GetString() == other);
    }

    private static double? Soc(JsonElement snapshot) =>
        snapshot.GetProperty("fields").TryGetProperty("soc_pct", out var f) ? f.GetProperty("value").GetDouble() : null;

    private async Task<HubConnection> ConnectAsync()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(platform.DashboardUrl + "/hubs/equipment", o => o.AccessTokenProvider = () => Task.FromResult<string?>(BrowserPlatformFixture.DevToken))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static async Task WaitAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            await Task.Delay(50);
        }
    }
}
