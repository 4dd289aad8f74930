using Equipment.Domain.Tbm;

namespace Equipment.Domain.Tests.Tbm;

public class TbmFormulasTests
{
    [Fact]
    public void SpecificEnergyMjPerM3_TbmAWorkedExample_MatchesTealeFormula()
    {
        // A = π·7²/4 = 38.48451 m²; F/A = 10 MN / 38.48451 = 0.259845;
        // 2π·T/(A·p) = 2π·1.6 MNm / (38.48451 · 0.010 m) = 10.053096 / 0.3848451 = 26.122449; SE = 26.382294 MJ/m³.
        TbmFormulas.SpecificEnergyMjPerM3(10000, 1600, 10, 7).Should().BeApproximately(26.382294, 0.000001);
    }

    [Fact]
    public void SpecificEnergyMjPerM3_NoPenetration_IsNull()
    {
        TbmFormulas.SpecificEnergyMjPerM3(10000, 1600, 0, 7).Should().BeNull();
    }

    [Fact]
    public void FieldPenetrationIndex_WorkedExample_IsThrustPerCutterOverPenetration()
    {
        // (10000 kN / 50) / 10 mm/rev = 200 / 10 = 20 kN/cutter per mm/rev.
        TbmFormulas.FieldPenetrationIndex(10000, 50, 10).Should().Be(20);
        TbmFormulas.FieldPenetrationIndex(10000, 50, 0).Should().BeNull();
    }

    [Fact]
    public void ThrustPerCutterKn_WorkedExample_DividesByCutterCount()
    {
        TbmFormulas.ThrustPerCutterKn(15750, 50).Should().Be(315);
    }

    [Fact]
    public void AdvanceRateMPerH_SixCentimetresInAMinute_IsThreePointSixMetresPerHour()
    {
        // 0.06 m / (1/60 h) = 3.6 m/h.
        TbmFormulas.AdvanceRateMPerH(0.06, TimeSpan.FromMinutes(1)).Should().BeApproximately(3.6, 1e-12);
    }

    [Theory]
    [InlineData(50, 3.5)]
    [InlineData(25, 1.75)]
    [InlineData(1, 0.07)]
    public void CutterPositionRadiusM_EvenLayout_IsShareOfHeadRadius(int position, double expected)
    {
        // r_i = (i/50) · 7/2.
        TbmFormulas.CutterPositionRadiusM(position, 50, 7).Should().BeApproximately(expected, 1e-12);
    }
}
