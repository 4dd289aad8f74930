using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Tests.Integration;
using static Equipment.Tests.Security.SecurityClient;

namespace Equipment.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class ScopedUserRestTests(SecurityFixture platform)
{
    [Fact]
    public async Task Get_ScopedViewer_SeesOnlyMachinesAndAlertsInScope()
    {
        var fleet = Unique("fleet");
        var mine = Unique("mine");
        var other = Unique("other");
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"truck,id={other},fleet=elsewhere inverter_temp_c=99\ntruck,id={mine},fleet={fleet} inverter_temp_c=99\n"))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var (_, key) = await CreateUserAsync(platform, "viewer", "fleet:" + fleet);
        using var viewer = As(platform.DashboardUrl, key);

        var list = await viewer.GetFromJsonAsync<JsonElement>("/api/equipment");
        var alerts = await EventuallyAsync(
            async () => (await viewer.GetFromJsonAsync<JsonElement>("/api/alerts")).EnumerateArray().Select(a => a.GetProperty("equipmentId").GetString()).ToList(),
            ids => ids.Contains(mine));
        using var otherState = await viewer.GetAsync($"/api/equipment/{other}");
        using var otherRuns = await viewer.GetAsync($"/api/trucks/{other}/runs");
        using var otherHistory = await viewer.GetAsync($"/api/equipment/{other}/history?fields=soc_pct");
        using var mineState = await viewer.GetAsync($"/api/equipment/{mine}");

        list.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Contain(mine).And.NotContain(other);
        alerts.Should().Contain(mine).And.NotContain(other);
        otherState.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherRuns.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherHistory.StatusCode.Should().Be(HttpStatusCode.NotFound);
        mineState.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ack_ScopedOperatorOtherFleetAlert_Returns404()
    {
        var other = Unique("other");
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"truck,id={other},fleet=elsewhere inverter_temp_c=99\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var alert = await EventuallyAsync(
            async () => (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=active")).EnumerateArray().FirstOrDefault(a => a.GetProperty("equipmentId").GetString() == other),
            a => a.ValueKind != JsonValueKind.Undefined);
        var (_, key) = await CreateUserAsync(platform, "operator", "fleet:" + Unique("fleet"));
        using var @operator = As(platform.DashboardUrl, key);

        using var response = await @operator.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(alert.GetProperty("id").GetString()!)}/ack", new { });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
