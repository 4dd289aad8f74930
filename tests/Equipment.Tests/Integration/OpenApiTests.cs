using System.Net;

namespace Equipment.Tests.Integration;

[Collection(PlatformCollection.Name)]
public sealed class OpenApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task OpenApiDocument_SignedIn_DescribesTheRestApi()
    {
        using var response = await platform.Dashboard.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.Content.ReadAsStringAsync();
        document.Should().Contain("\"openapi\"").And.Contain("/api/equipment/{id}").And.Contain("/api/alerts/{alertId}/ack").And.Contain("/api/tbm/{id}/strokes");
    }
}
