using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Contracts.Security;
using Equipment.Dashboard.Api;
using Equipment.Gateway.Ingest;
using Equipment.Tests.Integration;
using static Equipment.Tests.Security.SecurityClient;

namespace Equipment.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class DashboardAccessTests(SecurityFixture platform)
{
    [Theory]
    [InlineData("/api/equipment")]
    [InlineData("/api/alerts")]
    [InlineData("/api/session")]
    [InlineData("/api/admin/tokens")]
    public async Task Get_Anonymous_Returns401(string path)
    {
        using var anonymous = As(platform.DashboardUrl, null);

        using var response = await anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Get_UnknownKey_Returns401()
    {
        using var client = As(platform.DashboardUrl, "wrong-" + Guid.NewGuid());

        using var response = await client.GetAsync("/api/equipment");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_Anonymous_Returns200()
    {
        using var anonymous = As(platform.DashboardUrl, null);

        using var response = await anonymous.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_Viewer_Returns200()
    {
        var (_, key) = await CreateUserAsync(platform, "viewer");
        using var viewer = As(platform.DashboardUrl, key);

        using var response = await viewer.GetAsync("/api/equipment");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ack_Viewer_Returns403()
    {
        var (_, key) = await CreateUserAsync(platform, "viewer");
        using var viewer = As(platform.DashboardUrl, key);

        using var response = await viewer.PostAsJsonAsync("/api/alerts/nobody:main-bearing-temp-high:1/ack", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Ack_Operator_AcknowledgesInOwnNameIgnoringBody()
    {
        var id = Unique("ack-tbm");
        (await WriteAsync(platform.Gateway, PlatformFixture.DevToken, $"tbm,id={id},site=north main_bearing_temp_c=90\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var alert = await EventuallyAsync(
            async () => (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/alerts?state=active")).EnumerateArray().FirstOrDefault(a => a.GetProperty("equipmentId").GetString() == id),
            a => a.ValueKind != JsonValueKind.Undefined);
        alert.ValueKind.Should().NotBe(JsonValueKind.Undefined, "the hot bearing raises an alert");
        var (_, key) = await CreateUserAsync(platform, "operator");
        using var @operator = As(platform.DashboardUrl, key);
        var name = (await @operator.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("name").GetString();

        using var response = await @operator.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(alert.GetProperty("id").GetString()!)}/ack", new { by = "someone-else" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedBy").GetString().Should().Be(name);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("operator")]
    [InlineData("engineer")]
    public async Task Put_NonAdmin_Returns403(string role)
    {
        var (_, key) = await CreateUserAsync(platform, role);
        using var client = As(platform.DashboardUrl, key);

        using var response = await client.PutAsJsonAsync($"/api/equipment/{Unique("tbm")}", new { kind = "tbm", name = "x", site = "s" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("engineer")]
    public async Task Admin_NonAdmin_Returns403(string role)
    {
        var (_, key) = await CreateUserAsync(platform, role);
        using var client = As(platform.DashboardUrl, key);

        using var list = await client.GetAsync("/api/admin/tokens");
        using var create = await client.PostAsJsonAsync("/api/admin/users", new { name = "me", roles = new[] { "admin" } });

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreatedAdmin_CanManageUsers()
    {
        var (_, key) = await CreateUserAsync(platform, "admin");
        using var admin = As(platform.DashboardUrl, key);

        using var response = await admin.GetAsync("/api/admin/users");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeletedUser_Returns401WithinSeconds()
    {
        var (id, key) = await CreateUserAsync(platform, "viewer");
        using var client = As(platform.DashboardUrl, key);
        (await client.GetAsync("/api/equipment")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await platform.Dashboard.DeleteAsync($"/api/admin/users/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var status = await EventuallyAsync(async () => (await client.GetAsync("/api/equipment")).StatusCode, s => s == HttpStatusCode.Unauthorized, 5);

        status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateUser_RegistryState_HoldsHashNotKey()
    {
        var (id, key) = await CreateUserAsync(platform, "viewer");

        var records = await platform.Cluster.Client.GetGrain<IUserRegistryGrain>(0).List();

        records.Single(r => r.Id == id).KeyHash.Should().Be(SecretHash.Of(key));
        JsonSerializer.Serialize(records).Should().NotContain(key);
        (await platform.Dashboard.GetStringAsync("/api/admin/users")).Should().NotContain(key).And.NotContain(SecretHash.Of(key));
    }

    [Fact]
    public async Task DevToken_Production_RefusedByDashboardAndGateway()
    {
        var (dashboard, dashboardUrl) = platform.StartHost<EquipmentView>("Production", new Dictionary<string, string?> { ["Dashboard:DevToken"] = PlatformFixture.DevToken });
        var (gateway, gatewayUrl) = platform.StartHost<WriteEndpoint>("Production", new Dictionary<string, string?> { ["Gateway:DevToken"] = PlatformFixture.DevToken });
        await using (dashboard)
        await using (gateway)
        {
            using var rest = As(dashboardUrl, PlatformFixture.DevToken);
            using var session = await rest.PostAsJsonAsync("/api/session", new { key = PlatformFixture.DevToken });
            using var equipment = await rest.GetAsync("/api/equipment");
            using var devices = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
            using var write = await WriteAsync(devices, PlatformFixture.DevToken, $"tbm,id={Unique("tbm")} rpm=1\n");

            session.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            equipment.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            write.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Session_ValidKey_SetsHttpOnlyStrictCookieThatAuthenticates()
    {
        var (_, key) = await CreateUserAsync(platform, "operator");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(platform.DashboardUrl) };

        using var signIn = await browser.PostAsJsonAsync("/api/session", new { key });

        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("equipment.session=", StringComparison.Ordinal)).ToLowerInvariant();
        setCookie.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/");
        var session = await browser.GetFromJsonAsync<JsonElement>("/api/session");
        session.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Contain("operator").And.NotContain("admin");
        (await browser.GetAsync("/api/equipment")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await browser.DeleteAsync("/api/session")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/equipment")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_WrongKey_Returns401WithoutCookie()
    {
        using var anonymous = As(platform.DashboardUrl, null);

        using var response = await anonymous.PostAsJsonAsync("/api/session", new { key = "wrong-" + Guid.NewGuid() });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/equipment")]
    [InlineData("/health")]
    public async Task Response_Any_CarriesSecurityHeaders(string path)
    {
        using var response = await platform.Dashboard.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }
}
