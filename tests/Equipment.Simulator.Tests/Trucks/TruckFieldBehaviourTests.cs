using System.Text.Json;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Trucks;

/// <summary>The simulated fleet as field data: trips both ways, nights parked with the ignition off, GNSS altitude noise, registration.</summary>
public class TruckFieldBehaviourTests
{
    private static readonly RouteProfile G318 = RouteProfile.Load(null);

    private static TruckSimulator Truck(double km, int direction, double soc, int seed = 42) =>
        new("truck-01", "g318-express", new VehicleParameters(), G318, new RouteGeometry(G318), Simulate.Epoch, 1, new Random(seed), km, direction, soc);

    [Fact]
    public void RouteStartOdometerKm_TruckOnItsWayBack_FoldsAtBaseCampOntoItsKm()
    {
        var truck = Truck(2700, -1, 80);
        var odometer = Simulate.Parse(Simulate.Run(truck, TimeSpan.Zero)).Single().Double("odometer_km");

        // odometer − start = 2,714 out + 14 back: the platform folds it at the route end to km 2,700, heading back.
        (odometer - truck.RouteStartOdometerKm).Should().BeApproximately(2714 + 14, 0.01, "the first step moves the truck a metre or so");
    }

    [Fact]
    public void Run_EveningPastACharger_ParksIgnitionOffChargesOvernightLeavesAtSeven()
    {
        // 12:00 UTC = 20:00 at the site (UTC+8): the truck passes Luding (km 309) and stops there for the night.
        var start = Simulate.Epoch.AddHours(12);
        var truck = new TruckSimulator("truck-01", "g318-express", new VehicleParameters(), G318, new RouteGeometry(G318), start, 1, new Random(1), 305, 1, 40)
        {
            ParksAtNight = true,
        };

        var points = Simulate.Parse(Simulate.Run(truck, TimeSpan.FromHours(12), start));

        var parked = points.Where(p => p.Fields["ignition"] == "false").ToList();
        parked.Should().HaveCountGreaterThan(15, "one report every 30 min from about 20:10 to 07:00 local");
        parked.Zip(parked.Skip(1)).Should().OnlyContain(w => (w.Second.Time - w.First.Time).TotalSeconds >= TruckSimulator.ParkedReportS);
        parked.Should().OnlyContain(p => p.Double("speed_kmh") == 0);
        parked[^1].Double("soc_pct").Should().BeApproximately(TruckSimulator.ChargeTargetSocPct, 1, "charged overnight at the Luding charger");
        var leaving = points.First(p => p.Time > parked[^1].Time);
        leaving.Fields["ignition"].Should().Be("true");
        leaving.Time.Should().BeOnOrAfter(start.Date.AddHours(23), "07:00 local is 23:00 UTC");
    }

    [Fact]
    public void Run_AltitudeNoise_GnssLikeErrorAroundTheProfile()
    {
        var truck = new TruckSimulator("truck-01", "g318-express", new VehicleParameters(), G318, new RouteGeometry(G318), Simulate.Epoch, 1, new Random(9), 2200, 1, 90)
        {
            AltitudeNoiseM = 8,
        };

        var points = Simulate.Parse(Simulate.Run(truck, TimeSpan.FromHours(1)));
        var start = points[0].Double("odometer_km");
        var errors = points.Select(p => p.Double("altitude_m") - truck.AltitudeAt(2200 + (p.Double("odometer_km") - start))).ToList();

        var mean = errors.Average();
        var sigma = Math.Sqrt(errors.Average(e => (e - mean) * (e - mean)));
        sigma.Should().BeInRange(5, 11);
        Math.Abs(mean).Should().BeLessThan(3);
    }

    [Fact]
    public void LiveTrucks_Fleet_SomeReturnFromBaseCampAllParkAtNightWithNoisyAltitude()
    {
        var trucks = SourceFactory.LiveTrucks(6, 42, Simulate.Epoch, 1, G318);

        trucks.Count(t => t.Direction < 0).Should().Be(2);
        trucks.Should().OnlyContain(t => t.ParksAtNight && t.AltitudeNoiseM > 0);
    }

    [Fact]
    public void RegistryBodies_Truck_CarriesTheRangeModelParameters()
    {
        var v = new VehicleParameters();

        var body = JsonDocument.Parse(RegistryBodies.Truck("Truck 01", "g318-express", v, 1234)).RootElement.GetProperty("truck");

        body.GetProperty("dragAreaM2").GetDouble().Should().Be(v.DragAreaM2);
        body.GetProperty("reservePct").GetDouble().Should().Be(TruckSimulator.ReserveSocPct);
        body.GetProperty("auxiliaryBaseKw").GetDouble().Should().Be(v.AuxiliaryKw);
        body.GetProperty("heatingKwPerK").GetDouble().Should().Be(v.HeatingKwPerK);
        body.GetProperty("maxHeatingKw").GetDouble().Should().Be(v.MaxHeatingKw);
        body.GetProperty("plannedSpeedKmh").GetDouble().Should().Be(RegistryBodies.MeanMountainSpeedKmh);
        body.GetProperty("routeStartOdometerKm").GetDouble().Should().Be(1234);
    }
}
