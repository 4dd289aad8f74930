using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Equipment.Tests.Integration;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Equipment.Tests.Security.SecurityClient;

namespace Equipment.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class HubSecurityTests(SecurityFixture platform)
{
    [Fact]
    public async Task Connect_WithoutKey_Refused()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(platform.DashboardUrl + "/hubs/equipment").Build();

        var connect = () => hub.StartAsync();

        (await connect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Connect_UnknownKeyOnWebSocketQuery_Refused()
    {
        await using var hub = Connection("wrong-" + Guid.NewGuid(), Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets, skipNegotiation: true);

        var connect = () => hub.StartAsync();

        await connect.Should().ThrowAsync<Exception>();
    }

    [Fact]
    public async Task Watch_OutsideUserScope_Throws()
    {
        var (_, key) = await CreateUserAsync(platform, "viewer", "fleet:" + Unique("fleet"));
        await using var hub = Connection(key);
        await hub.StartAsync();

        var watchOther = () => hub.InvokeAsync("Watch", "fleet:someone-elses");
        var watchSite = () => hub.InvokeAsync("Watch", "site:north");

        await watchOther.Should().ThrowAsync<HubException>().WithMessage("*outside your access*");
        await watchSite.Should().ThrowAsync<HubException>().WithMessage("*outside your access*");
    }

    [Fact]
    public async Task WatchAll_ScopedUser_ReceivesOnlyMachinesInScope()
    {
        var fleet = Unique("fleet");
        var mine = Unique("mine");
        var other = Unique("other");
        var (_, key) = await CreateUserAsync(platform, "viewer", "fleet:" + fleet);
        await using var hub = Connection(key);
        var snapshots = new ConcurrentQueue<string>();
        var alerts = new ConcurrentQueue<string>();
        hub.On<JsonElement>("snapshot", s => snapshots.Enqueue(s.GetProperty("id").GetString()!));
        hub.On<JsonElement>("alert", a => alerts.Enqueue(a.GetProperty("equipmentId").GetString()!));
        await hub.StartAsync();
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"truck,id={mine},fleet={fleet} soc_pct=50\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await hub.InvokeAsync("Watch", "all");
        await hub.InvokeAsync("Watch", "equipment:" + mine);
        await hub.InvokeAsync("Watch", "fleet:" + fleet);

        // inverter-temp-high raises at once, so both machines produce an alert as well as snapshots.
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"truck,id={other},fleet=elsewhere inverter_temp_c=99\ntruck,id={mine},fleet={fleet} inverter_temp_c=99\n"))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        await EventuallyAsync(() => Task.FromResult(snapshots.Contains(mine) && alerts.Contains(mine)), done => done);
        await Task.Delay(1000);

        snapshots.Should().Contain(mine).And.NotContain(other);
        alerts.Should().Contain(mine).And.NotContain(other);
    }

    [Fact]
    public async Task WatchMachine_OutsideScope_Throws()
    {
        var other = Unique("other");
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"truck,id={other},fleet=elsewhere soc_pct=50\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var (_, key) = await CreateUserAsync(platform, "viewer", "fleet:" + Unique("fleet"));
        await using var hub = Connection(key);
        await hub.StartAsync();

        var watch = () => hub.InvokeAsync("Watch", "equipment:" + other);

        await watch.Should().ThrowAsync<HubException>().WithMessage("*outside your access*");
    }

    private HubConnection Connection(string key, Microsoft.AspNetCore.Http.Connections.HttpTransportType transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets, bool skipNegotiation = false) =>
        new HubConnectionBuilder()
            .WithUrl(platform.DashboardUrl + "/hubs/equipment", o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                o.Transports = transports;
                o.SkipNegotiation = skipNegotiation;
            })
            .Build();
}
