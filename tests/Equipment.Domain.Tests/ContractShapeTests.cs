using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests;

/// <summary>The REST shapes of CONTRACTS.md, as produced with ASP.NET Core's camelCase (web) defaults.</summary>
public class ContractShapeTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void StrokeSummary_Serialized_HasContractFieldsAndLowerCaseClass()
    {
        var classifier = new StrokeClassifier(new TbmParameters());
        var summary = new StrokeSummary(12, 20.4, 22.1, 170, classifier.Classify(10, 10000, 1600, 6), classifier.Classify(10, 10000, 2000, 6), false);

        var json = JsonNode.Parse(JsonSerializer.Serialize(summary, Web))!.AsObject();

        json.Select(p => p.Key).Should().Contain(["stroke", "chainageStartM", "chainageEndM", "samples", "mean", "median"]);
        json["stroke"]!.GetValue<long>().Should().Be(12);
        json["mean"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("penetrationMmRev", "thrustKn", "torqueKnm", "rpm", "torqueRatio", "advanceClass");
        json["mean"]!["advanceClass"]!.GetValue<string>().Should().Be("regular");
        json["median"]!["advanceClass"]!.GetValue<string>().Should().Be("exceptional");
    }

    [Fact]
    public void AltitudeRun_Open_SerializesEndAsNullAndAllContractFields()
    {
        var run = new AltitudeRun { RunId = 3, Start = TwinFeeds.T0, End = null, DistanceKm = 1 };

        var json = JsonNode.Parse(JsonSerializer.Serialize(run, Web))!.AsObject();

        json.Select(p => p.Key).Should().Contain(["runId", "start", "end", "distanceKm", "ascentM", "descentM", "maxAltitudeM", "energyKwh",
            "regenKwh", "kwhPer100Km", "kwhPer1000mClimb", "minSocPct", "batteryTempMinC", "batteryTempMaxC", "timeAbove4000mS"]);
        json["end"].Should().BeNull();
    }

    [Fact]
    public void Alert_ClearedUnacknowledged_SerializesStateAndFlag()
    {
        var alert = new Alert
        {
            Id = "truck-7:soc-low:1", EquipmentId = "truck-7", RuleId = "soc-low", Severity = AlertSeverity.Critical,
            State = AlertState.Cleared, RaisedAt = TwinFeeds.T0, ClearedAt = TwinFeeds.T0.AddMinutes(1),
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(alert, Web))!;

        json["state"]!.GetValue<string>().Should().Be("cleared");
        json["severity"]!.GetValue<string>().Should().Be("critical");
        json["clearedUnacknowledged"]!.GetValue<bool>().Should().BeTrue();
        json["isOpen"].Should().BeNull();
    }

    [Fact]
    public void TbmParameters_ContractPutBody_Binds()
    {
        const string body = """{"cutterCount":70,"cutterRadiusMm":241.3,"cutterheadDiameterM":10,"idleTorqueKnm":400,"torqueRatioBand":[0.45,0.57]}""";

        var parameters = JsonSerializer.Deserialize<TbmParameters>(body, Web)!;

        (parameters.CutterCount, parameters.CutterheadDiameterM, parameters.IdleTorqueKnm, parameters.BandLow, parameters.BandHigh)
            .Should().Be((70, 10.0, 400.0, 0.45, 0.57));
        parameters.Validate().Should().BeEmpty();
    }
}
