using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Trucks;

public class RouteProfileTests
{
    private static readonly RouteProfile G318 = RouteProfile.Load(null);

    [Fact]
    public void Load_BuiltInG318_Totals2714KmFrom500mUpTo5248mWithChargingPoints()
    {
        G318.Waypoints.Should().HaveCount(46);
        G318.TotalKm.Should().Be(2714);
        G318.Waypoints[0].Should().Be(new RouteWaypoint(0, 500, "Chengdu", "town", 30.66, 104.06));
        // The platform's charging points (data/routes), not every town: Tianquan yes, Dagze (a town without a listed charger) no.
        G318.ChargingPointsKm.Should().Contain([0, 140, 185, 309, 2614]).And.NotContain(2060);
        G318.NextChargingPoint(2614, 1).Should().Be(2714, "no charger at base camp: the road's end");
        G318.NextChargingPoint(2714, -1).Should().Be(2614);
        G318.Waypoints.Max(w => w.AltitudeM).Should().Be(5248);
        G318.Waypoints[^1].Name.Should().Be("Everest base camp");
    }

    [Fact]
    public void AltitudeAt_MidwayKangdingToZheduoPass_InterpolatesLinearly()
    {
        // Kangding km 357 at 2,560 m, Zheduo Pass km 377 at 4,298 m: 2,560 + 1,738 / 2 = 3,429 m.
        G318.AltitudeAt(367).Should().BeApproximately(3429, 1e-9);
        G318.GradeAt(367).Should().BeApproximately(1738.0 / 20_000, 1e-12);
    }

    [Fact]
    public void ClimbBetween_LudingToZheduoAndBack_CountsOnlyTheAscentsInTravelDirection()
    {
        // Luding 1,300 → Kangding 2,560 → Zheduo 4,298: 1,260 + 1,738 = 2,998 m; the way back only descends.
        G318.ClimbBetween(309, 377).Should().BeApproximately(2998, 1e-9);
        G318.ClimbBetween(377, 309).Should().Be(0);

        // Luding → Erlang Shan pass (2,130 m) heading back to Chengdu.
        G318.ClimbBetween(309, 245).Should().BeApproximately(830, 1e-9);
    }

    [Fact]
    public void NextTown_BothDirections_SkipsPasses()
    {
        G318.NextTown(0, 1)!.Name.Should().Be("Ya'an");
        G318.NextTown(309, 1)!.Name.Should().Be("Kangding");
        G318.NextTown(2700, 1)!.Name.Should().Be("Everest base camp");
        G318.NextTown(300, -1)!.Name.Should().Be("Tianquan");
        G318.NextTown(100, -1)!.Name.Should().Be("Chengdu");
        G318.NextTown(2714, 1).Should().BeNull();
    }

    [Fact]
    public void PositionAt_KnownTowns_MatchesTheirCoordinates()
    {
        var geometry = new RouteGeometry(G318);

        geometry.PositionAt(0).Should().Be((30.66, 104.06));
        geometry.PositionAt(2099).Should().Be((29.65, 91.13));
        geometry.PositionAt(2714).Should().Be((28.14, 86.85));
        var (lat, lon) = geometry.PositionAt(1500);
        lat.Should().BeInRange(28, 31);
        lon.Should().BeInRange(86.8, 104.1);
    }
}
