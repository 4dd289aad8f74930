using Equipment.Simulator.Tbm;

namespace Equipment.Simulator.Tests.Tbm;

public class CuttingModelTests
{
    [Fact]
    public void TheoreticalTorque_10mmPenetration10MnThrustTbmA_MatchesOnormWorkedExample()
    {
        // α = acos(231.3/241.3) = 0.288900 rad, tan(α/2) = 0.145463;
        // 0.3 · 0.145463 · 10,000 kN · 7 m + 180 kNm = 3,234.73 kNm.
        var theoretical = CuttingModel.TheoreticalTorqueKnm(10, 10_000, TbmParameters.A);

        theoretical.Should().BeApproximately(3234.73, 0.01);
        CuttingModel.Torque(0.5, 10, 10_000, TbmParameters.A).Should().BeApproximately(1617.36, 0.01);
    }

    [Fact]
    public void TorqueRatio_FirstStrokeOfSharedTbmA_IsInsideItsBand()
    {
        // Row 0 of tbm_a_strokes.csv: p = 9.8093 mm/rev, F = 10,360.82 kN, T = 1.665716 MNm.
        var ratio = CuttingModel.TorqueRatio(1665.715616, 9.809251050420169, 10360.8198127451, TbmParameters.A);

        ratio.Should().BeApproximately(0.5026, 0.0005);
        ratio.Should().BeInRange(TbmParameters.A.TorqueRatioLow, TbmParameters.A.TorqueRatioHigh);
    }

    [Fact]
    public void Penetration_250KnPerCutterIn150MpaGranite_Is9point17MmPerRev()
    {
        CuttingModel.Penetration(250, 150).Should().BeApproximately(5.5 * 250 / 150, 1e-9).And.BeApproximately(9.1667, 1e-4);
    }

    [Fact]
    public void Penetration_HarderRock_PenetratesLess()
    {
        CuttingModel.Penetration(300, 250).Should().BeLessThan(CuttingModel.Penetration(300, 120));
    }

    [Fact]
    public void ShaftPower_1000KnmAt6Rpm_Is628Kw()
    {
        // 1,000 kNm · 2π · 6/60 s⁻¹ = 628.32 kW.
        CuttingModel.ShaftPowerKw(1000, 6).Should().BeApproximately(628.32, 0.01);
    }
}
