using Equipment.Domain.Routes;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Routes;

public class RangeEstimatorTests
{
    // A pass 1000 m above the start after 100 km, a steep 10 km descent to a town, then flat.
    private static readonly RouteProfile Pass = RouteCsv.Parse("pass",
        "km,altitude_m,name,kind\n0,1000,Alpha,town\n100,2000,High Pass,pass\n110,1000,Beta,town\n200,1000,Gamma,town\n");

    /// <summary>Traction only, so the worked examples stay hand-checkable; the auxiliary load has its own examples.</summary>
    private static readonly RangeEstimator Default = new(new TruckParameters { AuxiliaryBaseKw = 0, HeatingKwPerK = 0 });

    [Fact]
    public void PotentialEnergyKwh_LiftingTruckOneKilometre_Is12Point26Kwh()
    {
        // 4500 kg · 9.81 m/s² · 1000 m = 44,145,000 J / 3.6e6 = 12.2625 kWh.
        RangeEstimator.PotentialEnergyKwh(4500, 1000).Should().BeApproximately(12.2625, 1e-9);
    }

    [Fact]
    public void AirDensity_At5000m_IsaGives0Point74AndScaleHeightFormula0Point68()
    {
        // ISA: 1.225·(1 − 0.0065·5000/288.15)^4.25588 = 1.225·0.887212^4.25588 = 0.736116.
        // Isothermal: 1.225·exp(−5000/8500) = 1.225·0.555306 = 0.680250.
        AirDensity.Isa(5000).Should().BeApproximately(0.736116, 0.000001);
        AirDensity.Exponential(5000).Should().BeApproximately(0.680250, 0.000001);
        AirDensity.Isa(0).Should().Be(1.225);
    }

    [Fact]
    public void PieceEnergyKwh_Climb_AddsPotentialRollingAeroOverDrivetrainEfficiency()
    {
        // 100 km, 1000 → 2000 m, mean 1500 m: ρ = 1.058067; v = 60/3.6 = 16.667 m/s.
        // potential 12.2625; rolling 0.012·4500·9.81·100000 J = 14.715 kWh; aero ½·1.058067·2·277.778·100000 J = 8.164099 kWh;
        // wheel 35.141599 / 0.9 = 39.046221 kWh.
        Default.PieceEnergyKwh(100, 1000, 2000).Should().BeApproximately(39.046221, 0.000001);
    }

    [Fact]
    public void PieceEnergyKwh_SteepDescent_RecoversSixtyPercentOfSurplus()
    {
        // 10 km, 2000 → 1000 m: −12.2625 + 1.4715 + 0.816410 = −9.974590 kWh at the wheels · 0.6 = −5.984754 kWh.
        Default.PieceEnergyKwh(10, 2000, 1000).Should().BeApproximately(-5.984754, 0.000001);
    }

    [Fact]
    public void ToNextChargingPoint_EnoughCharge_ReachesNextTownWithPeakBeforeDescent()
    {
        var estimate = Default.ToNextChargingPoint(Pass, 0, socPct: 80)!;

        // Next town after Alpha is Beta (km 110). Net 39.046221 − 5.984754 = 33.061467; peak at the pass 39.046221.
        // Usable 80 − 10 = 70 kWh; SOC needed 39.046221 + 10 = 49.046221 %; margin 80 − 49.046221 = 30.953779.
        estimate.TargetName.Should().Be("Beta");
        estimate.TargetKm.Should().Be(110);
        estimate.EnergyNeededKwh.Should().BeApproximately(33.061467, 0.000001);
        estimate.PeakEnergyKwh.Should().BeApproximately(39.046221, 0.000001);
        estimate.UsableEnergyKwh.Should().BeApproximately(70, 1e-9);
        estimate.Reaches.Should().BeTrue();
        estimate.RunsShortAtKm.Should().BeNull();
        estimate.SocNeededPct.Should().BeApproximately(49.046221, 0.000001);
        estimate.SocMarginPct.Should().BeApproximately(30.953779, 0.000001);
    }

    [Fact]
    public void ToNextChargingPoint_TooLittleCharge_RunsShortPartWayUpThePass()
    {
        var estimate = Default.ToNextChargingPoint(Pass, 0, socPct: 40)!;

        // Usable 40 − 10 = 30 kWh of the 39.046221 the climb needs: 30 / 39.046221 · 100 km = 76.832 km.
        estimate.Reaches.Should().BeFalse();
        estimate.RunsShortAtKm.Should().BeApproximately(76.832, 0.001);
        estimate.SocMarginPct.Should().BeApproximately(40 - 49.046221, 0.000001);
    }

    [Fact]
    public void ToNextChargingPoint_ConfiguredPoints_OverrideTowns()
    {
        var estimator = new RangeEstimator(new TruckParameters { ChargingPointsKm = [200] });

        var estimate = estimator.ToNextChargingPoint(Pass, 0, 80)!;

        estimate.TargetKm.Should().Be(200);
        estimate.TargetName.Should().Be("Gamma");
    }

    [Fact]
    public void ToNextChargingPoint_AtATown_TargetsTheFollowingOneAndNullAtEnd()
    {
        Default.ToNextChargingPoint(KnownRoutes.G318, 0, 90)!.TargetName.Should().Be("Ya'an");
        Default.ToNextChargingPoint(KnownRoutes.G318, 2614, 90)!.TargetName.Should().Be("Everest base camp");
        Default.ToNextChargingPoint(KnownRoutes.G318, 2714, 90).Should().BeNull();
    }

    [Fact]
    public void ToNextChargingPoint_HeadingBack_TargetsTheChargerBehindAndNullAtTheStart()
    {
        // From base camp back towards Chengdu the next charger is New Tingri; from Lhasa heading back, Mozhugongka.
        Default.ToNextChargingPoint(KnownRoutes.G318, 2714, 90, -1)!.TargetName.Should().Be("New Tingri");
        Default.ToNextChargingPoint(KnownRoutes.G318, 2099, 90, -1)!.Should().Match<RangeEstimate>(e => e.TargetName == "Mozhugongka" && e.Direction == -1);
        Default.ToNextChargingPoint(KnownRoutes.G318, 0, 90, -1).Should().BeNull();
    }

    [Fact]
    public void Between_ReverseOverThePass_ClimbsTheSteepSideAndRegeneratesOnTheLongOne()
    {
        // Beta (km 110, 1000 m) back to Alpha (km 0): 10 km up 1000 m (+ rolling, aero) then 100 km down 1000 m.
        // Up: 12.2625 + 1.4715 + aero ½·1.058067·2·277.778·10000 J = 0.816410 → 14.550410 / 0.9 = 16.167122 kWh.
        // Down: −12.2625 + 14.715 + 8.164099 = 10.616599 kWh at the wheels (> 0: rolling and drag eat the descent) / 0.9 = 11.796221.
        var estimate = Default.Between(Pass, 110, 0, "Alpha", 80);

        estimate.Direction.Should().Be(-1);
        estimate.PeakEnergyKwh.Should().BeApproximately(16.167122 + 11.796221, 0.000001);
    }

    [Fact]
    public void PieceAuxiliaryKwh_ColdAir_BaseLoadPlusHeatingOverDrivingTime()
    {
        // 8 °C measured at 1000 m → 8 − 6.5·0.5 = 4.75 °C at the piece's mean 1500 m; heating 0.1·(18 − 4.75) = 1.325 kW,
        // + 1 kW base = 2.325 kW for 100 km at 60 km/h (1.6667 h) = 3.875 kWh.
        var estimator = new RangeEstimator(new TruckParameters());

        estimator.PieceAuxiliaryKwh(100, 1500, new RangeConditions(8, 1000)).Should().BeApproximately(3.875, 1e-9);
        // Very cold: heating capped at 5 kW → 6 kW · 1.6667 h = 10 kWh.
        estimator.PieceAuxiliaryKwh(100, 1500, new RangeConditions(-60, 1500)).Should().BeApproximately(10, 1e-9);
    }
}
