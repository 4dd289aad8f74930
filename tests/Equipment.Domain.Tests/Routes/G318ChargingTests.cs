using Equipment.Domain.Routes;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Routes;

/// <summary>The charging-point list of data/routes and the range verdict on every G318 leg, both ways.</summary>
public class G318ChargingTests
{
    private static readonly RangeEstimator Default = new(new TruckParameters());

    /// <summary>A cold day: 10 K below the ISA standard atmosphere (−1 °C at 1,800 m, −27 °C at 5,200 m).</summary>
    private static RangeConditions ColdDay(double altitudeM, double batteryTempC = 20) =>
        new(ColdWeather.AmbientAt(altitudeM, null) - 10, altitudeM, batteryTempC);

    [Fact]
    public void ChargingPoints_Data_EveryOneNamedWithPowerOperatorAndSourceOnTheRoute()
    {
        var points = ChargingPointCsv.Parse(RouteData.ReadAllText("g318-charging-points.csv"));

        points.Should().HaveCountGreaterThanOrEqualTo(20);
        points.Should().OnlyContain(p => p.PowerKw >= 50 && p.Operator.Length > 0 && p.Source.Length > 0);
        KnownRoutes.G318.ChargingPoints.Should().Equal(points);
        foreach (var town in new[] { "Ya'an", "Luding", "Kangding", "Xinduqiao", "Yajiang", "Litang", "Batang", "Markam", "Zogang", "Baxoi", "Rawu", "Bomi", "Nyingchi", "Lhasa", "Shigatse", "Lhaze", "New Tingri" })
        {
            var point = points.Should().ContainSingle(p => p.Name == town).Which;
            KnownRoutes.G318.Waypoints.Should().ContainSingle(w => w.Name == town && w.Km == point.Km, "{0} is a town of the profile at the same km", town);
        }
    }

    /// <summary>The simulator's truck as it registers itself (box body CdA 2.7 m², 15 % reserve, 1.5 kW base load, 55 km/h mean on the mountain road).</summary>
    private static readonly RangeEstimator Simulated = new(new TruckParameters
    {
        DragAreaM2 = 2.7, ReservePct = 15, AuxiliaryBaseKw = 1.5, PlannedSpeedKmh = 55, MinChargerKw = 50,
    });

    public static TheoryData<int, bool> DirectionsAndTrucks => new() { { 1, false }, { -1, false }, { 1, true }, { -1, true } };

    [Theory]
    [MemberData(nameof(DirectionsAndTrucks))]
    public void ToNextChargingPoint_FullBatteryAtEveryChargingPointOnAColdDay_NeverRaisesRouteNeed(int direction, bool simulatedTruck)
    {
        var estimator = simulatedTruck ? Simulated : Default;
        var route = KnownRoutes.G318;
        var starts = route.ChargingPoints.Select(c => c.Km).ToList();
        if (direction < 0) starts = [route.EndKm, .. starts.Where(km => km > 0).Reverse()];

        var verdicts = starts.Select(km => (km, estimate: estimator.ToNextChargingPoint(route, km, 100, direction, ColdDay(route.AltitudeAt(km)))!)).ToList();

        verdicts.Should().HaveCount(starts.Count);
        verdicts.Should().OnlyContain(v => v.estimate.Reaches && v.estimate.SocMarginPct > 2,
            "a full battery covers every leg: {0}", string.Join("; ", verdicts.Select(v => $"{v.km} → {v.estimate.TargetName} needs {v.estimate.SocNeededPct:0.#} %")));
        verdicts.Should().OnlyContain(v => v.estimate.Direction == direction);
    }

    [Fact]
    public void ToNextChargingPoint_ColdDay_AuxiliaryLoadAboutAFifthOfTheEnergy()
    {
        // Shigatse → Lhaze (154 km, 3,840 → 4,050 m) on a cold day: ambient about −22 °C, heating at its 5 kW cap.
        var estimate = Default.ToNextChargingPoint(KnownRoutes.G318, 2371, 100, 1, ColdDay(3840))!;

        estimate.TargetName.Should().Be("Lhaze");
        (estimate.AuxiliaryKwh / estimate.EnergyNeededKwh).Should().BeInRange(0.15, 0.30);
    }

    [Fact]
    public void ToNextChargingPoint_ColdPack_DeratesUsableEnergy()
    {
        // Pack at −10 °C: 1 − 0.01·25 = 0.75 of its energy; 80 % SOC → 80·0.75 − 10 = 50 kWh usable of 100.
        var warm = Default.ToNextChargingPoint(KnownRoutes.G318, 2371, 80, 1, new RangeConditions(0, 3840, 20))!;
        var cold = Default.ToNextChargingPoint(KnownRoutes.G318, 2371, 80, 1, new RangeConditions(0, 3840, -10))!;

        warm.UsableEnergyKwh.Should().BeApproximately(70, 1e-9);
        cold.CapacityFactor.Should().BeApproximately(0.75, 1e-12);
        cold.UsableEnergyKwh.Should().BeApproximately(50, 1e-9);
        cold.SocNeededPct.Should().BeApproximately(warm.SocNeededPct / 0.75, 1e-9);
    }

    [Fact]
    public void ToNextChargingPoint_LowCharge_FurthestReachableIsShortOfTheNextButOneAndTargetIsNext()
    {
        // 100 % at Kangding heading west reaches past Xinduqiao; the verdict is about Xinduqiao, the next usable charger.
        var estimate = Default.ToNextChargingPoint(KnownRoutes.G318, 357, 100, 1, ColdDay(2560))!;

        estimate.TargetName.Should().Be("Xinduqiao");
        estimate.TargetPowerKw.Should().Be(60);
        estimate.FurthestReachableKm.Should().BeGreaterThan(430);
    }

    [Fact]
    public void ToNextChargingPoint_ChargersTooSlowForTheTruck_AreSkipped()
    {
        // A truck that needs 100 kW chargers: from Kangding the next one it can use is Nyingchi (120 kW), far out of reach.
        var picky = new RangeEstimator(new TruckParameters { MinChargerKw = 100 });

        var estimate = picky.ToNextChargingPoint(KnownRoutes.G318, 357, 100, 1, ColdDay(2560))!;

        estimate.TargetName.Should().Be("Nyingchi");
        estimate.Reaches.Should().BeFalse();
    }

    [Theory]
    [InlineData("km,name\n0,a\n", 1, "missing column 'power_kw'*")]
    [InlineData("km,name,power_kw\n0,a,60\n5,b,0\n", 3, "power_kw must be > 0 (was 0).")]
    [InlineData("km,name,power_kw\n10,a,60\n5,b,60\n", 3, "km must increase along the route (5 after 10).")]
    [InlineData("km,name,power_kw\n0,a,fast\n", 2, "power_kw 'fast' is not a number.")]
    public void ChargingPointCsv_BrokenFile_ThrowsWithLineAndReason(string text, int line, string reason)
    {
        var act = () => ChargingPointCsv.Parse(text);

        var error = act.Should().Throw<RouteFormatException>().Which;
        error.Line.Should().Be(line);
        error.Reason.Should().Match(reason);
    }
}
