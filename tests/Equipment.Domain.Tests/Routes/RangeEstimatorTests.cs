using Equipment.Domain.Routes;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Routes;

public class RangeEstimatorTests
{
    // A pass 1000 m above the start after 100 km, a steep 10 km descent to a town, then flat.
    private static readonly RouteProfile Pass = RouteCsv.Parse("pass",
        "km,altitude_m,name,kind\n0,1000,Alpha,town\n100,2000,High Pass,pass\n110,1000,Beta,town\n200,1000,Gamma,town\n");

    private static readonly RangeEstimator Default = new(new TruckParameters());

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
        Default.ToNextChargingPoint(KnownRoutes.G318, 0, 90)!.TargetName.Should().Be("Luding");
        Default.ToNextChargingPoint(KnownRoutes.G318, 2614, 90)!.TargetName.Should().Be("Everest base camp");
        Default.ToNextChargingPoint(KnownRoutes.G318, 2714, 90).Should().BeNull();
    }
}
