using System.Text.Json.Nodes;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;

namespace Equipment.Simulator.Tests.Registry;

public class RegistryTests
{
    [Fact]
    public void ReplayRegistrations_TbmA_CarryTheContractBody()
    {
        var a = SourceFactory.ReplayRegistrations()[0];
        var json = JsonNode.Parse(a.JsonBody)!;

        a.Id.Should().Be("tbm-a");
        json["kind"]!.GetValue<string>().Should().Be("tbm");
        json["name"]!.GetValue<string>().Should().Be("TBM A");
        json["site"]!.GetValue<string>().Should().Be("replay");
        var tbm = json["tbm"]!;
        tbm["cutterCount"]!.GetValue<int>().Should().Be(50);
        tbm["cutterRadiusMm"]!.GetValue<double>().Should().Be(241.3);
        tbm["cutterheadDiameterM"]!.GetValue<double>().Should().Be(7);
        tbm["idleTorqueKnm"]!.GetValue<double>().Should().Be(180);
        tbm["torqueRatioBand"]!.ToJsonString().Should().Be("[0.35,0.57]");
        a.JsonBody.Should().StartWith(
            """{"kind":"tbm","name":"TBM A","site":"replay","tbm":{"cutterCount":50,"cutterRadiusMm":241.3,"cutterheadDiameterM":7,"idleTorqueKnm":180,"torqueRatioBand":[0.35,0.57]""");
    }

    [Fact]
    public void ReplayRegistrations_TbmBAndC_CarryTheirPublishedParameters()
    {
        var bodies = SourceFactory.ReplayRegistrations().Select(r => JsonNode.Parse(r.JsonBody)!["tbm"]!).ToList();

        bodies[1].ToJsonString().Should().Contain("\"cutterCount\":70").And.Contain("\"cutterheadDiameterM\":10")
            .And.Contain("\"idleTorqueKnm\":400").And.Contain("\"torqueRatioBand\":[0.45,0.57]");
        bodies[2].ToJsonString().Should().Contain("\"cutterCount\":60").And.Contain("\"cutterheadDiameterM\":9")
            .And.Contain("\"idleTorqueKnm\":220").And.Contain("\"torqueRatioBand\":[0.53,0.63]");
    }

    [Fact]
    public async Task RegisterAll_DashboardListening_PutsEachMachineWithBearerToken()
    {
        using var server = new LoopbackHttpServer((200, null));
        using var http = new HttpClient();
        var client = new RegistryClient(http, server.Url, "X", _ => { });

        var registered = await client.RegisterAllAsync(SourceFactory.ReplayRegistrations(), CancellationToken.None);

        registered.Should().Be(3);
        server.Requests.Select(r => (r.Method, r.Path)).Should().Equal(
            ("PUT", "/api/equipment/tbm-a"), ("PUT", "/api/equipment/tbm-b"), ("PUT", "/api/equipment/tbm-c"));
        server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer X" && r.ContentType!.StartsWith("application/json"));
        JsonNode.Parse(server.Requests[0].Body)!["name"]!.GetValue<string>().Should().Be("TBM A");
    }

    [Fact]
    public async Task RegisterAll_DashboardDown_LogsAndReturnsWithoutThrowing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var log = new List<string>();

        // Port 9 (discard) is closed on loopback: connection refused.
        var client = new RegistryClient(http, "http://127.0.0.1:9", "X", log.Add);

        var registered = await client.RegisterAllAsync(SourceFactory.ReplayRegistrations(), CancellationToken.None);

        registered.Should().Be(0);
        log.Should().ContainSingle().Which.Should().Contain("tbm-a");
    }
}
