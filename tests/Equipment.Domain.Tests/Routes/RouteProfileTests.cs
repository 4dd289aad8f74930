using Equipment.Domain.Routes;

namespace Equipment.Domain.Tests.Routes;

public class RouteProfileTests
{
    private static RouteProfile G318FromRepositoryFile() =>
        RouteCsv.Parse("g318", RouteData.ReadAllText("g318-chengdu-everest-base-camp.csv"));

    [Fact]
    public void Parse_RepositoryG318_Totals2714KmFrom500mTo5200mWithPositions()
    {
        var route = G318FromRepositoryFile();

        route.LengthKm.Should().Be(2714);
        route.Waypoints.Should().HaveCount(46);
        route.Waypoints[0].Should().Be(new RouteWaypoint(0, 500, "Chengdu", "town", 30.66, 104.06));
        route.Waypoints[^1].Should().Be(new RouteWaypoint(2714, 5200, "Everest base camp", "destination", 28.14, 86.85));
        route.Waypoints.Max(w => w.AltitudeM).Should().Be(5248);
        route.HasPositions.Should().BeTrue();
        route.Waypoints.Should().OnlyContain(w => w.Lat != null && w.Lon != null);
        // The valleys the issue names are in the profile: the Jinsha, Lancang and Nujiang crossings and Tongmai.
        route.Waypoints.Where(w => w.Kind == "valley").Select(w => w.Name).Should().Contain(n => n.Contains("Lancang"))
            .And.Contain(n => n.Contains("Nujiang")).And.Contain("Tongmai");
    }

    [Fact]
    public void Project_PositionsOfWaypointsAndBetween_GiveTheirRouteKm()
    {
        var route = KnownRoutes.G318;

        // Lhasa itself, and halfway on the straight line Lhasa → Qushui (km 2099 → 2160).
        route.Project(29.65, 91.13)!.Value.Km.Should().BeApproximately(2099, 0.01);
        var half = route.Project((29.65 + 29.36) / 2, (91.13 + 90.74) / 2)!.Value;
        half.Km.Should().BeApproximately(2129.5, 0.01);
        half.DistanceKm.Should().BeLessThan(0.01);
        route.NearestWaypoint(29.66, 91.13)!.Value.Waypoint.Name.Should().Be("Lhasa");
    }

    [Fact]
    public void G318_EmbeddedCopy_EqualsRepositoryFile()
    {
        KnownRoutes.G318.Waypoints.Should().Equal(G318FromRepositoryFile().Waypoints);
        KnownRoutes.Find("G318").Should().BeSameAs(KnownRoutes.G318);
        KnownRoutes.Find("nowhere").Should().BeNull();
    }

    [Fact]
    public void AltitudeAt_BetweenWaypoints_InterpolatesLinearly()
    {
        // Rumei (Lancang River) km 995 (2650 m) → Dongda Pass km 1039 (5008 m): 2650 + 2358·5/44 = 2917.955 m at km 1000.
        KnownRoutes.G318.AltitudeAt(1000).Should().BeApproximately(2917.955, 0.001);
        KnownRoutes.G318.AltitudeAt(309).Should().Be(1300);
        KnownRoutes.G318.AltitudeAt(-5).Should().Be(500);
        KnownRoutes.G318.AltitudeAt(9999).Should().Be(5200);
    }

    [Fact]
    public void PositionAt_OdometerWithRouteStartOffset_GivesRouteKmAndNeighbours()
    {
        // Odometer 10480 with route km 0 at odometer 10000 → km 480, between Gaoersi (460, 4412 m) and Yajiang (500, 2600 m):
        // 4412 − 1812·20/40 = 3506 m; 20 km to the next waypoint; 2714 − 480 = 2234 km left.
        var position = KnownRoutes.G318.PositionAt(10480, routeStartOdometerKm: 10000);

        position.RouteKm.Should().Be(480);
        position.AltitudeM.Should().BeApproximately(3506, 0.001);
        position.Previous.Name.Should().Be("Gaoersi Pass");
        position.Next.Name.Should().Be("Yajiang");
        position.KmToNext.Should().Be(20);
        position.RemainingKm.Should().Be(2234);
        position.OnRoute.Should().BeTrue();
        KnownRoutes.G318.PositionAt(3000).OnRoute.Should().BeFalse();
    }

    [Fact]
    public void PositionAtKm_TravellingBack_LooksTowardsTheStart()
    {
        // At km 480 heading back to Chengdu: the next waypoint is Gaoersi Pass (km 460), 480 km remain.
        var position = KnownRoutes.G318.PositionAtKm(480, -1);

        position.Direction.Should().Be(-1);
        position.Next.Name.Should().Be("Gaoersi Pass");
        position.KmToNext.Should().Be(20);
        position.RemainingKm.Should().Be(480);
    }

    [Fact]
    public void ClimbsAhead_FromLhasa_FindsGyatsoLaAndFinalClimb()
    {
        // Lhasa 3650 dips to Qushui 3600, then Shigatse 3840 → Lhaze 4050 → Gyatso La 5248 rises without a dip: 1648 m.
        // New Tingri 4300 → Gawu La 5198 → base camp 5200 is the next: 900 m.
        var climbs = KnownRoutes.G318.ClimbsAhead(2099);

        climbs.Should().HaveCount(2);
        climbs[0].Should().Match<RouteClimb>(c => c.StartKm == 2160 && c.EndKm == 2567 && c.GainM == 1648 && c.TopName == "Gyatso La");
        climbs[1].Should().Match<RouteClimb>(c => c.StartKm == 2614 && c.EndKm == 2714 && c.GainM == 900);
        // 900 m over 100 km = 0.9 %.
        climbs[1].MeanGradePct.Should().BeApproximately(0.9, 1e-12);
    }

    [Fact]
    public void ClimbsAhead_FromBaseCampHeadingBack_FindsGawuLaThenGyatsoLaFromTheNorth()
    {
        // Back from base camp (5200 m): down to New Tingri (4300), up to Gyatso La (5248) from the Tingri side: 948 m.
        var climbs = KnownRoutes.G318.ClimbsAhead(2714, 100, -1);

        climbs[0].Should().Match<RouteClimb>(c => c.StartKm == 2614 && c.EndKm == 2567 && c.GainM == 948 && c.TopName == "Gyatso La");
        climbs[0].LengthKm.Should().Be(47);
    }

    [Theory]
    [InlineData("km,altitude_m,name,kind,lat,lon\n0,1,a,town,30,100\n1,2,b,town,95,100\n", 3, "lat must be within ±90 (was 95).")]
    [InlineData("km,altitude_m,name,kind,lat,lon\n0,1,a,town,30,\n1,2,b,town,30,100\n", 2, "lat and lon must both be given or both be empty.")]
    [InlineData("km,altitude_m,name\n0,1,a\n1,2,b\n", 1, "missing column 'kind'*")]
    [InlineData("km,altitude_m,name,kind\n0,1,a,town\nx,2,b,town\n", 3, "km 'x' is not a number.")]
    [InlineData("km,altitude_m,name,kind\n0,1,a,town\n5,2,b\n", 3, "expected 4 fields, found 3.")]
    [InlineData("km,altitude_m,name,kind\n0,1,a,town\n5,2,b,town\n5,3,c,town\n", 4, "km must increase along the route (5 after 5).")]
    [InlineData("km,altitude_m,name,kind\n0,1,a,town\n", 0, "a route needs at least 2 waypoints (found 1).")]
    public void Parse_BrokenCsv_ThrowsWithLineAndReason(string text, int line, string reason)
    {
        var act = () => RouteCsv.Parse("x", text);

        var error = act.Should().Throw<RouteFormatException>().Which;
        error.Line.Should().Be(line);
        error.Reason.Should().Match(reason);
    }
}
