using Equipment.Domain.Battery;
using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;
using Equipment.Simulator.Trucks;
using DomainSample = Equipment.Domain.Telemetry.TruckSample;

namespace Equipment.Simulator.Tests.Trucks;

/// <summary>The simulated aged pack and weak cell, checked with the platform's own SOH and spread formulas.</summary>
public class BatteryHealthSimulationTests
{
    private static readonly RouteProfile G318 = RouteProfile.Load(null);

    [Fact]
    public void Run_AgedPackChargingAtLuding_PlatformEstimatesNinetyTwoPercent()
    {
        var vehicle = new VehicleParameters { CapacityFactor = SourceFactory.AgedCapacityFactor };
        var truck = new TruckSimulator("truck-02", "g318-express", vehicle, G318, new RouteGeometry(G318), Simulate.Epoch, 1, new Random(3), 305, 1, 20);
        var samples = new List<TruckSample>();
        truck.SampleSink = samples.Add;
        Simulate.Run(truck, TimeSpan.FromHours(3));

        // What the T-Box reports: SOC in whole per cent, charging state 1 or 3, a frame every 10 s.
        var tracker = new ChargingSessionTracker(new SohConditions(Math.Round(vehicle.RatedCapacityAh, 2)));
        foreach (var s in samples.Where((_, i) => i % 10 == 0))
        {
            tracker.Apply(new DomainSample(new DateTimeOffset(s.TimeUtc), SpeedKmh: s.SpeedKmh, SocPct: Math.Round(s.SocPct),
                BatteryTempC: s.BatteryTempC, BatteryVoltageV: s.BatteryVoltageV, BatteryCurrentA: s.BatteryCurrentA, Charging: s.Charging ? 1 : 3));
        }

        var session = tracker.State.Closed.Should().ContainSingle().Subject;
        session.StartSocPct.Should().BeLessThan(25);
        session.EndSocPct.Should().Be(95);
        session.PeakPowerKw.Should().BeApproximately(60, 0.5);
        var health = BatteryHealthEstimator.Estimate(tracker.State.Closed, tracker.Conditions);
        // ΔSOC ≈ 75 pp: the whole-per-cent SOC alone moves the estimate by up to ±1/75; the expected error is ±3.3 pp.
        health.SohPct.Should().BeApproximately(92, 1.5);
        health.SohErrorPct.Should().BeInRange(2, 4);
    }

    [Fact]
    public void Build_WeakCellDrifting15MvAnHour_SpreadGrows90MvInSixHours()
    {
        var builder = new SnapshotBuilder(new Random(5), 0) { CellDriftMvPerHour = SourceFactory.AgedCellDriftMvPerHour };
        double Spread(DateTime t)
        {
            var cells = builder.Build(new TruckSample(t, false, 1000, 30, 102, 600, 0, 60, 25, 20, 20, 15, 370, 0, 0, 10)).CellVoltagesV;
            return (cells.Max() - cells.Min()) * 1000;
        }

        var start = Spread(Simulate.Epoch);
        var later = Spread(Simulate.Epoch.AddHours(6));

        start.Should().BeLessThan(60, "96 cells with σ 6 mV offsets");
        (later - start).Should().BeInRange(70, 100);
    }
}
