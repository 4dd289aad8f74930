using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Contracts.Security;
using Equipment.Gateway.Ingest;
using Equipment.Tests.Integration;
using static Equipment.Tests.Security.SecurityClient;

namespace Equipment.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class DeviceTokenTests(SecurityFixture platform)
{
    [Fact]
    public async Task Write_UnknownToken_Returns401()
    {
        using var response = await WriteAsync(platform.Gateway, "not-a-token-" + Guid.NewGuid(), $"tbm,id={Unique("t")} rpm=1\n");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Write_ManagedTokenInScope_Returns204()
    {
        var truck = Unique("truck");
        var (_, token) = await CreateTokenAsync(platform, "equipment:" + truck);

        using var response = await WriteAsync(platform.Gateway, token, $"truck,id={truck} soc_pct=80\n");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Write_TruckTokenForTbm_Returns403()
    {
        var truck = Unique("truck");
        var (_, token) = await CreateTokenAsync(platform, "equipment:" + truck);

        using var response = await WriteAsync(platform.Gateway, token, $"tbm,id={Unique("tbm")},site=north rpm=5\n");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Write_FleetTokenForOtherFleet_Returns403()
    {
        var fleet = Unique("fleet");
        var (_, token) = await CreateTokenAsync(platform, "fleet:" + fleet);

        using var other = await WriteAsync(platform.Gateway, token, $"truck,id={Unique("truck")},fleet=other soc_pct=50\n");
        using var own = await WriteAsync(platform.Gateway, token, $"truck,id={Unique("truck")},fleet={fleet} soc_pct=50\n");

        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        own.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Write_RevokedToken_Returns401WithinSeconds()
    {
        var truck = Unique("truck");
        var (id, token) = await CreateTokenAsync(platform, "equipment:" + truck);
        (await WriteAsync(platform.Gateway, token, $"truck,id={truck} soc_pct=80\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await platform.Dashboard.DeleteAsync($"/api/admin/tokens/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var started = DateTime.UtcNow;
        var status = await EventuallyAsync(
            async () => { await Task.Delay(300); using var r = await WriteAsync(platform.Gateway, token, $"truck,id={truck} soc_pct=79\n"); return r.StatusCode; },
            s => s == HttpStatusCode.Unauthorized);

        status.Should().Be(HttpStatusCode.Unauthorized);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5), "the gateway caches registry answers for 1 s here");
    }

    [Fact]
    public async Task Write_OverRateLimit_Returns429WithRetryAfter()
    {
        var truck = Unique("truck");
        var (_, token) = await CreateTokenAsync(platform, "equipment:" + truck);
        var (host, url) = platform.StartHost<WriteEndpoint>("Development", SecurityFixture.SlowGatewaySettings);
        await using var _ = host;
        using var gateway = new HttpClient { BaseAddress = new Uri(url) };

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < SecurityFixture.Burst + 3; i++)
        {
            responses.Add(await WriteAsync(gateway, token, $"truck,id={truck} soc_pct=80\n"));
        }

        responses.Take(SecurityFixture.Burst).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.NoContent);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        limited.Should().NotBeEmpty();
        limited.Should().OnlyContain(r => r.Headers.RetryAfter != null && r.Headers.RetryAfter.Delta >= TimeSpan.FromSeconds(1));
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Write_OtherTokenRateLimited_DoesNotLimitThisToken()
    {
        var (_, noisy) = await CreateTokenAsync(platform, "fleet:" + Unique("noisy"));
        var truck = Unique("truck");
        var (_, quiet) = await CreateTokenAsync(platform, "equipment:" + truck);
        var (host, url) = platform.StartHost<WriteEndpoint>("Development", SecurityFixture.SlowGatewaySettings);
        await using var _ = host;
        using var gateway = new HttpClient { BaseAddress = new Uri(url) };
        var noisyStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < SecurityFixture.Burst + 2; i++)
        {
            using var r = await WriteAsync(gateway, noisy, "");
            noisyStatuses.Add(r.StatusCode);
        }

        using var response = await WriteAsync(gateway, quiet, $"truck,id={truck} soc_pct=80\n");

        noisyStatuses.Should().Contain(HttpStatusCode.TooManyRequests);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Write_DevTokenOverRateLimit_NotLimited()
    {
        var (host, url) = platform.StartHost<WriteEndpoint>("Development", SecurityFixture.SlowGatewaySettings);
        await using var _ = host;
        using var gateway = new HttpClient { BaseAddress = new Uri(url) };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < SecurityFixture.Burst + 3; i++)
        {
            using var r = await WriteAsync(gateway, PlatformFixture.DevToken, "");
            statuses.Add(r.StatusCode);
        }

        statuses.Should().OnlyContain(s => s == HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task CreateToken_RegistryState_HoldsHashNotToken()
    {
        var (id, token) = await CreateTokenAsync(platform, "site:" + Unique("site"));

        var records = await platform.Cluster.Client.GetGrain<ITokenRegistryGrain>(0).List();

        var record = records.Single(r => r.Id == id);
        record.Hash.Should().Be(SecretHash.Of(token));
        JsonSerializer.Serialize(records).Should().NotContain(token);
        token.Length.Should().BeGreaterThanOrEqualTo(43, "256 random bits");
    }

    [Fact]
    public async Task ListTokens_Admin_ShowsNoSecrets()
    {
        var (id, token) = await CreateTokenAsync(platform, "site:" + Unique("site"));

        var text = await platform.Dashboard.GetStringAsync("/api/admin/tokens");

        text.Should().Contain(id).And.NotContain(token).And.NotContain(SecretHash.Of(token));
    }

    [Fact]
    public async Task CreateToken_InvalidScope_Returns400()
    {
        using var response = await platform.Dashboard.PostAsJsonAsync("/api/admin/tokens", new { name = "x", scope = "planet:mars" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
