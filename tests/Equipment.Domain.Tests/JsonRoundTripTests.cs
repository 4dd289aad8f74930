using System.Text.Json;
using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests;

public class JsonRoundTripTests
{
    public static TheoryData<string> OptionSets => new() { "default", "web" };

    private static JsonSerializerOptions Options(string name) =>
        name == "web" ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();

    private static T RoundTrip<T>(T value, JsonSerializerOptions options, out string first, out string second)
    {
        first = JsonSerializer.Serialize(value, options);
        var back = JsonSerializer.Deserialize<T>(first, options)!;
        second = JsonSerializer.Serialize(back, options);
        return back;
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void TbmTwinState_BusyTwin_RoundTripsUnchanged(string optionSet)
    {
        var twin = TwinFeeds.BusyTbm(strokes: 40);
        var back = RoundTrip(twin.State, Options(optionSet), out var first, out var second);

        second.Should().Be(first);
        back.Should().BeEquivalentTo(twin.State);
        back.Strokes.Open!.PenetrationMmRev.Should().NotBeEmpty();
        back.Alerts.Open.Should().NotBeEmpty();
        back.Cutters.Should().HaveCount(50);
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void TbmTwinState_Restored_ContinuesLikeTheOriginal(string optionSet)
    {
        var twin = TwinFeeds.BusyTbm(strokes: 10);
        var state = JsonSerializer.Deserialize<TbmTwinState>(JsonSerializer.Serialize(twin.State, Options(optionSet)), Options(optionSet))!;
        var restored = new TbmTwin("tbm-a", new TbmParameters(), TimeProvider.System, state);

        restored.Strokes.Should().Equal(twin.Strokes);
        restored.CutterWear.Should().BeEquivalentTo(twin.CutterWear);
        restored.OpenAlerts.Should().BeEquivalentTo(twin.OpenAlerts);
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void TruckTwinState_BusyTwin_RoundTripsUnchanged(string optionSet)
    {
        var twin = TwinFeeds.BusyTruck(runs: 5);
        var back = RoundTrip(twin.State, Options(optionSet), out var first, out var second);

        second.Should().Be(first);
        back.Should().BeEquivalentTo(twin.State);
        back.Runs.Closed.Should().Equal(twin.State.Runs.Closed);
        back.Alerts.Open.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Parameters_NonDefaultValues_RoundTrip(string optionSet)
    {
        var tbm = new TbmParameters { CutterCount = 70, CutterheadDiameterM = 10, IdleTorqueKnm = 400, TorqueRatioBand = [0.45, 0.57] };
        var truck = new TruckParameters { ChargingPointsKm = [309, 643], RouteId = null, ReservePct = 15 };

        RoundTrip(tbm, Options(optionSet), out _, out _).Should().BeEquivalentTo(tbm);
        RoundTrip(truck, Options(optionSet), out _, out _).Should().BeEquivalentTo(truck);
    }

    [Fact]
    public void AlertRule_WithOverrides_RoundTrips()
    {
        var rules = BuiltInAlertRules.ForTruck(new TruckParameters());

        var back = RoundTrip(rules.ToList(), new JsonSerializerOptions(JsonSerializerDefaults.Web), out _, out _);

        back.Should().Equal(rules);
    }
}
