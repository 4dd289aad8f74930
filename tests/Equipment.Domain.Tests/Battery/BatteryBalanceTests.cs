using Equipment.Domain.Alerts;
using Equipment.Domain.Battery;
using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;
using Equipment.Domain.Truck;
using Microsoft.Extensions.Time.Testing;

namespace Equipment.Domain.Tests.Battery;

public class BatteryBalanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Figures_FromTheTboxExtremes_SpreadsAndOhmPerVolt()
    {
        var s = new TruckSample(T0, BatteryVoltageV: 360, BatteryTempC: 31, InsulationKohm: 150, CellVoltageMaxV: 3.812, CellVoltageMinV: 3.655, BatteryTempMinC: 24);

        BatteryBalance.CellSpreadMv(s).Should().Be(157);
        BatteryBalance.ProbeSpreadC(s).Should().Be(7);
        BatteryBalance.InsulationOhmPerV(s).Should().Be(416.7);
        BatteryBalance.SpreadMv([3801, 3795, 3650]).Should().Be(151);
        BatteryBalance.CellSpreadMv(new TruckSample(T0, CellVoltageMaxV: 3.8)).Should().BeNull();
    }

    [Fact]
    public void EvaluateAlerts_SpreadAboveDefaultForFiveMinutesAndLowInsulation_RaiseBatteryRules()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        var events = new List<AlertEvent>();
        for (var t = 0; t <= 330; t += 10)
        {
            time.SetUtcNow(T0.AddSeconds(t));
            // 157 mV spread (> 150) and 150 kΩ at 360 V = 417 Ω/V (< 500, > 100).
            twin.Apply(new TruckSample(T0.AddSeconds(t), BatteryVoltageV: 360, BatteryTempC: 30, InsulationKohm: 150, CellVoltageMaxV: 3.812, CellVoltageMinV: 3.655, BatteryTempMinC: 27));
            events.AddRange(twin.EvaluateAlerts());
        }

        events.Select(e => (e.Alert.RuleId, e.Alert.Severity)).Should().BeEquivalentTo(new[]
        {
            ("insulation-low", AlertSeverity.Major),
            ("cell-spread-high", AlertSeverity.Minor),
        });
        events.Single(e => e.Alert.RuleId == "cell-spread-high").Alert.RaisedAt.Should().BeOnOrAfter(T0.AddSeconds(300));
    }

    [Fact]
    public void EvaluateAlerts_SpreadRuleOverriddenPerKind_UsesTheOverride()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, null, null,
            [new AlertRuleOverride { RuleId = "cell-spread-high", RaiseAt = 80, ClearAt = 60, MinDurationS = 0 }]);
        twin.Apply(new TruckSample(T0, CellVoltageMaxV: 3.700, CellVoltageMinV: 3.610));

        twin.EvaluateAlerts().Select(e => e.Alert.RuleId).Should().Equal("cell-spread-high");
    }

    [Fact]
    public void Apply_ClosedRunOnG318_CarriesItsLegAndRouteKm()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        twin.Apply(new TruckSample(T0, OdometerKm: 1, SpeedKmh: 40, PowerKw: 30));
        twin.Apply(new TruckSample(T0.AddHours(2), OdometerKm: 139, SpeedKmh: 40, PowerKw: 30));
        twin.Apply(new TruckSample(T0.AddHours(2).AddMinutes(1), OdometerKm: 140, SpeedKmh: 0, PowerKw: 0));
        time.SetUtcNow(T0.AddHours(2).AddMinutes(12));

        var closed = twin.Tick();

        closed!.Leg.Should().Be("Chengdu → Ya'an");
        closed.StartRouteKm.Should().BeApproximately(1, 0.01);
        twin.Runs[^1].Leg.Should().Be("Chengdu → Ya'an");
    }
}
