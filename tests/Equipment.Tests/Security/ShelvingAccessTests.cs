using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Tests.Integration;
using static Equipment.Tests.Security.SecurityClient;

namespace Equipment.Tests.Security;

/// <summary>Shelving is an operator's action, recorded in the operator's own name; scoped users only see their machines' shelves.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ShelvingAccessTests(SecurityFixture platform)
{
    [Fact]
    public async Task Shelve_Viewer_Returns403()
    {
        var (_, key) = await CreateUserAsync(platform, "viewer");
        using var viewer = As(platform.DashboardUrl, key);

        using var rule = await viewer.PostAsJsonAsync("/api/equipment/nobody/rules/offline/shelf", new { minutes = 60, reason = "x" });
        using var alert = await viewer.PostAsJsonAsync("/api/alerts/nobody:offline:1/shelve", new { minutes = 60, reason = "x" });
        using var unshelve = await viewer.DeleteAsync("/api/equipment/nobody/rules/offline/shelf");

        rule.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        alert.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unshelve.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Shelve_Operator_RecordedInOwnNameIgnoringBodyAndHiddenFromOtherScopes()
    {
        var id = Unique("shelf-tbm");
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"tbm,id={id},site=north gear_oil_temp_c=60\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var (_, key) = await CreateUserAsync(platform, "operator");
        using var @operator = As(platform.DashboardUrl, key);
        var name = (await @operator.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("name").GetString();

        using var response = await @operator.PostAsJsonAsync($"/api/equipment/{id}/rules/gear-oil-temp-high/shelf", new { minutes = 30, reason = "sensor swap", by = "someone-else" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("by").GetString().Should().Be(name);
        var (_, otherKey) = await CreateUserAsync(platform, "operator", "site:" + Unique("elsewhere"));
        using var other = As(platform.DashboardUrl, otherKey);
        (await other.GetFromJsonAsync<JsonElement>("/api/alerts/shelves")).EnumerateArray()
            .Should().NotContain(s => s.GetProperty("equipmentId").GetString() == id);
        using var foreign = await other.PostAsJsonAsync($"/api/equipment/{id}/rules/gear-oil-temp-high/shelf", new { minutes = 30, reason = "x" });
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound, "a machine outside the user's scope is unknown to them");
        (await @operator.GetFromJsonAsync<JsonElement>("/api/alerts/shelves")).EnumerateArray()
            .Should().Contain(s => s.GetProperty("equipmentId").GetString() == id);
    }
}
