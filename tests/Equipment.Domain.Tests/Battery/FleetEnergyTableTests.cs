using Equipment.Domain.Battery;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Battery;

public class FleetEnergyTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_TwoTrucksTwoLegs_RatiosOfSumsBestFirst()
    {
        // truck-a: Chengdu → Ya'an 130 km, 600 m up, 40 kWh drawn − 5 regen + 3 aux = 38 kWh; Ya'an → Luding 140 km, 1,400 m up, 60 − 4 + 2 = 58 kWh.
        //   Σ 96 kWh / 2,000 m = 48 kWh per 1,000 m; / 270 km = 35.56 kWh per 100 km.
        // truck-b: Ya'an → Luding only, 140 km, 1,400 m up, 70 − 4 + 4 = 70 kWh → 50 kWh per 1,000 m, 50 kWh per 100 km.
        // Leg Ya'an → Luding: (58 + 70) / 2,800 m = 45.71 kWh per 1,000 m; Chengdu → Ya'an: 38 / 600 m = 63.33.
        // The open run of truck-b does not count.
        var table = FleetEnergyTable.Build("g318",
        [
            ("truck-a", [Run(130, 600, 40, 5, 3, "Chengdu → Ya'an"), Run(140, 1400, 60, 4, 2, "Ya'an → Luding")]),
            ("truck-b", [Run(140, 1400, 70, 4, 4, "Ya'an → Luding"), Run(20, 900, 30, 0, 0, "Luding → Kangding") with { End = null }]),
        ]);

        table.ByTruck.Select(r => (r.Key, r.KwhPer1000mClimb, r.KwhPer100Km)).Should().Equal(
            ("truck-a", 48.0, 35.56),
            ("truck-b", 50.0, 50.0));
        table.ByLeg.Select(r => (r.Key, r.KwhPer1000mClimb, r.Runs, r.Trucks)).Should().Equal(
            ("Ya'an → Luding", 45.71, 2, 2),
            ("Chengdu → Ya'an", 63.33, 1, 1));
    }

    [Fact]
    public void Build_FlatRun_HasNoPerClimbFigureAndComesLast()
    {
        var table = FleetEnergyTable.Build("f", [("flat", [Run(50, 20, 10, 0, 0, null)]), ("hill", [Run(50, 500, 40, 0, 0, null)])]);

        table.ByTruck.Select(r => r.Key).Should().Equal("hill", "flat");
        table.ByTruck[1].KwhPer1000mClimb.Should().BeNull();
        table.ByTruck[1].KwhPer100Km.Should().Be(20);
        table.ByLeg.Should().BeEmpty();
    }

    private static AltitudeRun Run(double km, double ascent, double drawn, double regen, double aux, string? leg) => new()
    {
        Start = T0, End = T0.AddHours(3), DistanceKm = km, AscentM = ascent, EnergyKwh = drawn, RegenKwh = regen, AuxiliaryKwh = aux, Leg = leg,
    };
}
