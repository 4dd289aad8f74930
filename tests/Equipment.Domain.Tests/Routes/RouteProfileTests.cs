using Equipment.Domain.Routes;

namespace Equipment.Domain.Tests.Routes;

public class RouteProfileTests
{
    private static RouteProfile G318FromSharedFile() =>
        RouteCsv.Parse("g318", SharedData.ReadAllText("routes", "g318-chengdu-everest-base-camp.csv"));

    [Fact]
    public void Parse_SharedG318_Totals2714KmFrom500mTo5200m()
    {
        var route = G318FromSharedFile();

        route.LengthKm.Should().Be(2714);
        route.Waypoints.Should().HaveCount(30);
        route.Waypoints[0].Should().Be(new RouteWaypoint(0, 500, "Chengdu", "town"));
        route.Waypoints[^1].Should().Be(new RouteWaypoint(2714, 5200, "Everest base camp", "destination"));
        route.Waypoints.Max(w => w.AltitudeM).Should().Be(5248);
    }

    [Fact]
    public void G318_EmbeddedCopy_EqualsSharedFile()
    {
        KnownRoutes.G318.Waypoints.Should().Equal(G318FromSharedFile().Waypoints);
        KnownRoutes.Find("G318").Should().BeSameAs(KnownRoutes.G318);
        KnownRoutes.Find("nowhere").Should().BeNull();
    }

    [Fact]
    public void AltitudeAt_BetweenWaypoints_InterpolatesLinearly()
    {
        // Jueba Pass km 970 (3911 m) → Dongda Pass km 1039 (5008 m): 3911 + 1097·30/69 = 4387.957 m at km 1000.
        KnownRoutes.G318.AltitudeAt(1000).Should().BeApproximately(4387.957, 0.001);
        KnownRoutes.G318.AltitudeAt(309).Should().Be(1300);
        KnownRoutes.G318.AltitudeAt(-5).Should().Be(500);
        KnownRoutes.G318.AltitudeAt(9999).Should().Be(5200);
    }

    [Fact]
    public void PositionAt_OdometerWithRouteStartOffset_GivesRouteKmAndNeighbours()
    {
        // Odometer 10500 with route km 0 at odometer 10000 → km 500, between Gaoersi (460, 4412 m) and Jianziwan (529, 4659 m):
        // 4412 + 247·40/69 = 4555.188 m; 29 km to the next waypoint; 2714 − 500 = 2214 km left.
        var position = KnownRoutes.G318.PositionAt(10500, routeStartOdometerKm: 10000);

        position.RouteKm.Should().Be(500);
        position.AltitudeM.Should().BeApproximately(4555.188, 0.001);
        position.Previous.Name.Should().Be("Gaoersi Pass");
        position.Next.Name.Should().Be("Jianziwan Pass");
        position.KmToNext.Should().Be(29);
        position.RemainingKm.Should().Be(2214);
        position.OnRoute.Should().BeTrue();
        KnownRoutes.G318.PositionAt(3000).OnRoute.Should().BeFalse();
    }

    [Fact]
    public void ClimbsAhead_FromLhasa_FindsGyatsoLaAndFinalClimb()
    {
        // Lhasa 3650 → Shigatse 3840 → Lhaze 4050 → Gyatso La 5248 rises without a dip: one climb of 1598 m.
        // New Tingri 4300 → Gawu La 5198 → base camp 5200 is the next: 900 m.
        var climbs = KnownRoutes.G318.ClimbsAhead(2099);

        climbs.Should().HaveCount(2);
        climbs[0].Should().Match<RouteClimb>(c => c.StartKm == 2099 && c.EndKm == 2567 && c.GainM == 1598 && c.TopName == "Gyatso La");
        climbs[1].Should().Match<RouteClimb>(c => c.StartKm == 2614 && c.EndKm == 2714 && c.GainM == 900);
        // 900 m over 100 km = 0.9 %.
        climbs[1].MeanGradePct.Should().BeApproximately(0.9, 1e-12);
    }

    [Theory]
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
