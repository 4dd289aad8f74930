using Equipment.Simulator.Tests.Support;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Trucks;

public class TruckSimulatorTests
{
    private static readonly RouteProfile G318 = RouteProfile.Load(null);
    private static readonly VehicleParameters Vehicle = new();

    private static TruckSimulator Truck(double km, int direction, double soc, int seed = 42) =>
        new("truck-01", "g318-express", Vehicle, G318, new RouteGeometry(G318), Simulate.Epoch, 1, new Random(seed), km, direction, soc);

    [Fact]
    public void Step_OneSample_CarriesExactlyTheContractFieldsAndTags()
    {
        var p = Simulate.Parse(Simulate.Run(Truck(100, 1, 80), TimeSpan.Zero)).Single();

        p.Measurement.Should().Be("truck");
        p.Tags.Should().BeEquivalentTo(new Dictionary<string, string> { ["id"] = "truck-01", ["fleet"] = "g318-express" });
        p.Fields.Keys.Should().BeEquivalentTo(
            "odometer_km", "lat", "lon", "altitude_m", "speed_kmh", "soc_pct", "battery_temp_c", "motor_temp_c",
            "inverter_temp_c", "ambient_temp_c", "battery_voltage_v", "battery_current_a", "power_kw", "brake_pad_mm", "ignition");
        p.Fields["ignition"].Should().Be("true");
    }

    [Fact]
    public void Run_ClimbFromKangdingTowardsZheduo_DrawsPotentialPlusRollingEnergyOverEfficiency()
    {
        var points = Simulate.Parse(Simulate.Run(Truck(357.5, 1, 95), TimeSpan.FromHours(2)));
        var first = points[0];
        var last = points.TakeWhile(p => p.Double("odometer_km") - first.Double("odometer_km") < 18).Last();

        var climb = last.Double("altitude_m") - first.Double("altitude_m");
        var distanceM = (last.Double("odometer_km") - first.Double("odometer_km")) * 1000;
        var hours = (last.Time - first.Time).TotalHours;
        // SOC counts charge (as a BMS does): energy = charge × the mean terminal voltage over the climb.
        var meanV = points.SkipWhile(p => p != first).TakeWhile(p => p != last).Average(p => p.Double("battery_voltage_v"));
        var drawnKwh = (first.Double("soc_pct") - last.Double("soc_pct")) / 100 * Vehicle.RatedCapacityAh * meanV / 1000;

        // Independent balance: (m·g·Δh + m·g·Crr·d) / η + (1.5 kW aux + ≥ 2 kW heater below −2 °C) · t;
        // drag at ~30 km/h and the start from rest add well under 1.5 kWh.
        var lower = (4500 * 9.81 * climb + 4500 * 9.81 * 0.012 * distanceM) / 0.9 / 3.6e6 + 3.5 * hours;
        climb.Should().BeGreaterThan(1400);
        drawnKwh.Should().BeInRange(lower - 0.2, lower + 1.5);
        points.TakeWhile(p => p != last).Should().OnlyContain(p => p.Double("speed_kmh") < 50, "steep grades slow the truck");
    }

    [Fact]
    public void Run_DescentFromZheduoPass_RegeneratesAndWearsBrakePads()
    {
        var points = Simulate.Parse(Simulate.Run(Truck(376, -1, 50), TimeSpan.FromMinutes(30)));

        var moving = points.Skip(120).ToList();
        moving.Count(p => p.Double("power_kw") < 0).Should().BeGreaterThan(moving.Count * 9 / 10);
        points[^1].Double("soc_pct").Should().BeGreaterThan(points[120].Double("soc_pct"), "regeneration outweighs the auxiliaries on an 8.7 % descent");
        points[^1].Double("brake_pad_mm").Should().BeLessThan(points[0].Double("brake_pad_mm"));
        points.Zip(points.Skip(1)).Should().OnlyContain(w => w.Second.Double("brake_pad_mm") <= w.First.Double("brake_pad_mm"));
        // Regeneration beyond the auxiliaries (1.5 kW) and the heater (at most 5 kW) charges the pack.
        points.Where(p => p.Double("power_kw") < -6.6).Should().NotBeEmpty().And.OnlyContain(p => p.Double("battery_current_a") < 0);
    }

    [Fact]
    public void Run_LowBatteryAtLuding_ChargesAt60KwUntilNinetyFivePercent()
    {
        // 20 % at Luding cannot cover 48 km and a 1,260 m climb to Kangding with a 15 % reserve.
        var points = Simulate.Parse(Simulate.Run(Truck(305, 1, 20), TimeSpan.FromHours(3)));

        var charging = points.SkipWhile(p => p.Double("speed_kmh") > 0 || p.Time == Simulate.Epoch)
            .Skip(1).TakeWhile(p => p.Double("speed_kmh") == 0).ToList();
        charging.Should().HaveCountGreaterThan(3600);

        // 60 kW into a 274 Ah pack at ≈ 375 V: 160 A, ≈ 10 % every 10 minutes; SOC counts the charge exactly (1 s steps).
        var rise = charging[1200].Double("soc_pct") - charging[600].Double("soc_pct");
        var chargeAh = charging.Skip(601).Take(600).Sum(p => -p.Double("battery_current_a")) / 3600;
        rise.Should().BeApproximately(chargeAh / Vehicle.RatedCapacityAh * 100, 0.01);
        rise.Should().BeInRange(9.5, 10.5);
        charging.Should().OnlyContain(p => p.Double("power_kw") == 0 && p.Double("battery_current_a") < 0);
        charging[^1].Double("soc_pct").Should().BeApproximately(95, 0.1);
        points[^1].Double("speed_kmh").Should().BeGreaterThan(0, "the truck leaves once charged");
    }

    [Fact]
    public void Run_BatteryNearlyEmptyBetweenTowns_StopsAtARoadsideChargerAtTwelvePercent()
    {
        // Km 400 lies between Zheduo Pass and Gaoersi Pass, far from any listed town.
        var points = Simulate.Parse(Simulate.Run(Truck(400, 1, 13), TimeSpan.FromHours(1)));

        var firstStop = points.Skip(60).First(p => p.Double("speed_kmh") == 0);
        firstStop.Double("soc_pct").Should().BeInRange(11.9, 12.1);
        points.Min(p => p.Double("soc_pct")).Should().BeGreaterThan(11.9);
        points[^1].Double("soc_pct").Should().BeGreaterThan(firstStop.Double("soc_pct") + 30);
    }

    [Fact]
    public void Run_TwelveHours_StaysOnTheProfileWithSmallGradeNoise()
    {
        var sim = Truck(1000, 1, 90);
        var points = Simulate.Parse(Simulate.Run(sim, TimeSpan.FromHours(12)));

        points.Should().HaveCount(12 * 3600 + 1);
        var startOdo = points[0].Double("odometer_km");
        foreach (var p in points.Where((_, i) => i % 60 == 0))
        {
            var km = 1000 + (p.Double("odometer_km") - startOdo);
            p.Double("altitude_m").Should().BeApproximately(G318.AltitudeAt(km), 7.5);
            p.Double("lat").Should().BeInRange(28, 31);
            p.Double("lon").Should().BeInRange(86.8, 104.1);
            // 330–400 V open-circuit, ± I·R under load or regeneration.
            p.Double("battery_voltage_v").Should().BeInRange(300, 410);
        }

        points.Select(p => p.Double("odometer_km")).Should().BeInAscendingOrder();
        points.Should().Contain(p => p.Double("ambient_temp_c") < 0, "sub-zero air is common above 4,500 m");
        points.Should().OnlyContain(p => p.Double("battery_temp_c") >= new VehicleParameters().PackMinC, "the pack heater keeps the cells warm while the truck is on");
    }
}
