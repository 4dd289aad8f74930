using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Equipment.Tests.Security;

/// <summary>Admin API calls (as the dev token, an admin in Development) and writes as a device, for the security tests.</summary>
internal static class SecurityClient
{
    public static async Task<(string Id, string Token)> CreateTokenAsync(SecurityFixture platform, string scope)
    {
        using var response = await platform.Dashboard.PostAsJsonAsync("/api/admin/tokens", new { name = "test " + scope, scope });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    public static async Task<(string Id, string Key)> CreateUserAsync(SecurityFixture platform, string role, string? scope = null)
    {
        var name = role + "-" + Guid.NewGuid().ToString("N")[..6];
        using var response = await platform.Dashboard.PostAsJsonAsync("/api/admin/users", new { name, roles = new[] { role }, scope });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    public static async Task<HttpResponseMessage> WriteAsync(HttpClient gateway, string token, string lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ns") { Content = new StringContent(lines) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        return await gateway.SendAsync(request);
    }

    public static HttpClient As(string baseUrl, string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Retries until the condition holds or <paramref name="seconds"/> pass.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await attempt();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
