using Equipment.Domain.Alerts;
using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;
using Equipment.Domain.Truck;
using Microsoft.Extensions.Time.Testing;

namespace Equipment.Domain.Tests.Truck;

public class TruckTwinTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_PartialLines_MergesLatestValues()
    {
        var twin = new TruckTwin("truck-7", new TruckParameters(), new FakeTimeProvider(T0));
        twin.Apply(new TruckSample(T0, OdometerKm: 12, SocPct: 90));
        twin.Apply(new TruckSample(T0.AddSeconds(1), BatteryTempC: 21));

        twin.State.Latest.Should().Be(new TruckSample(T0.AddSeconds(1), OdometerKm: 12, SocPct: 90, BatteryTempC: 21));
    }

    [Fact]
    public void EvaluateAlerts_LowChargeForTheClimbOutOfChengdu_RaisesRouteNeedButNotSocLow()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        twin.Apply(new TruckSample(T0, OdometerKm: 10, SocPct: 20, SpeedKmh: 40));

        var events = twin.EvaluateAlerts();

        // 10 km out of Chengdu, to Ya'an (130 km, with heating and the base load) needs far more than the 20 − 10 = 10 kWh usable.
        twin.Range!.Reaches.Should().BeFalse();
        twin.Range.TargetName.Should().Be("Ya'an");
        twin.Range.SocMarginPct.Should().BeNegative();
        events.Select(e => e.Alert.RuleId).Should().Equal("soc-below-route-need");
    }

    [Fact]
    public void EvaluateAlerts_HotBatteryAndLowSoc_RaiseCriticalAlerts()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        twin.Apply(new TruckSample(T0, SocPct: 9.5, BatteryTempC: 56));

        var events = twin.EvaluateAlerts();

        events.Select(e => e.Alert.Id).Should().BeEquivalentTo("truck-7:battery-temp-high:1", "truck-7:soc-low:1");
        events.Should().OnlyContain(e => e.Alert.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public void Tick_StoppedForTenMinutes_ClosesRun()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        twin.Apply(new TruckSample(T0, OdometerKm: 10, SpeedKmh: 40, PowerKw: 30));
        twin.Apply(new TruckSample(T0.AddMinutes(1), OdometerKm: 10.6, SpeedKmh: 0, PowerKw: 0));
        time.SetUtcNow(T0.AddMinutes(11));

        var run = twin.Tick();

        run!.End.Should().Be(T0.AddMinutes(1));
        twin.Runs.Single().DistanceKm.Should().BeApproximately(0.6, 1e-9);
    }

    [Fact]
    public void Snapshot_OnG318WithBrakeReadings_ReportsPositionRangeAndBrakeWear()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters { RouteStartOdometerKm = 1000 }, time, KnownRoutes.G318);
        twin.Apply(new TruckSample(T0, OdometerKm: 1000, BrakePadMm: 10));
        twin.Apply(new TruckSample(T0.AddHours(1), OdometerKm: 1500, SocPct: 95, BrakePadMm: 9.5));

        var kpis = twin.Snapshot();

        // Route km 1500 − 1000 = 500. Brake: 0.5 mm over 500 km = 1 mm/1000 km; (9.5 − 3)/0.001 = 6500 km → odometer 8000.
        kpis.RoutePosition!.RouteKm.Should().Be(500);
        kpis.Range!.TargetName.Should().Be("Litang");
        kpis.BrakeWear!.WearMmPer1000Km.Should().BeApproximately(1.0, 1e-9);
        kpis.BrakeWear.KmToMinimum.Should().BeApproximately(6500, 1e-6);
        kpis.BrakeWear.OdometerAtMinimumKm.Should().BeApproximately(8000, 1e-6);
        // From km 500 (Yajiang, 2600 m) the road rises over Jianziwan (4659) to Kazila Pass (km 598, 4718 m): 2118 m.
        twin.ClimbsAhead[0].Should().Match<RouteClimb>(c => c.StartKm == 500 && c.EndKm == 598 && c.TopName == "Kazila Pass");
        twin.ClimbsAhead[0].GainM.Should().BeApproximately(2118, 0.001);
    }

    [Fact]
    public void Constructor_InvalidParameters_ThrowsWithReason()
    {
        var act = () => new TruckTwin("truck-7", new TruckParameters { MassKg = -1, DrivetrainEfficiency = 1.5 }, TimeProvider.System);

        act.Should().Throw<ArgumentException>().WithMessage("*massKg must be > 0*drivetrainEfficiency must be in (0, 1]*");
    }
}
