using System.Net;

namespace Equipment.Tests.Integration;

[Collection(PlatformCollection.Name)]
public sealed class OrleansDashboardTests(PlatformFixture platform)
{
    [Fact]
    public async Task OrleansDashboard_Admin_ServesThePage()
    {
        using var response = await platform.Dashboard.GetAsync("/orleans/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().ContainEquivalentOf("<html");
    }

    [Fact]
    public async Task OrleansDashboard_Anonymous_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(platform.DashboardUrl) };

        using var response = await anonymous.GetAsync("/orleans/");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
