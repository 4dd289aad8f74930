using System.Globalization;
using Equipment.Domain.Tbm;

namespace Equipment.Domain.Tests.Tbm;

public class StrokeClassifierTests
{
    private static readonly StrokeClassifier TbmA = new(new TbmParameters());

    [Fact]
    public void TheoreticalTorqueKnm_TbmAWorkedExample_MatchesHandCalculation()
    {
        // R = 241.3, p = 10: (R − p)/R = 231.3/241.3 = 0.958558; α = acos(0.958558) = 0.288900 rad;
        // tan(α/2) = tan(0.144450) = 0.145463; 0.3 · 0.145463 · (10000/50) · 50 · 7 = 3054.727; + 180 = 3234.727 kNm.
        TbmA.TheoreticalTorqueKnm(10.0, 10000.0).Should().BeApproximately(3234.727, 0.001);
    }

    [Fact]
    public void Classify_TbmAWorkedExample_GivesRatioAndRegular()
    {
        // T = 1600 kNm: ratio = 1600 / 3234.727 = 0.494632, inside (0.35, 0.57) → regular.
        var result = TbmA.Classify(10.0, 10000.0, 1600.0, 6.0);

        result.TorqueRatio.Should().BeApproximately(0.494632, 0.000001);
        result.AdvanceClass.Should().Be(AdvanceClass.Regular);
        result.PenetrationMmRev.Should().Be(10.0);
        result.ThrustKn.Should().Be(10000.0);
        result.TorqueKnm.Should().Be(1600.0);
        result.Rpm.Should().Be(6.0);
    }

    [Fact]
    public void Classify_TorqueAboveBand_IsExceptional()
    {
        // T = 2000 kNm: 2000 / 3234.727 = 0.6183 ≥ 0.57 → exceptional.
        var result = TbmA.Classify(10.0, 10000.0, 2000.0, 6.0);

        result.TorqueRatio.Should().BeApproximately(0.61829, 0.00001);
        result.AdvanceClass.Should().Be(AdvanceClass.Exceptional);
    }

    [Theory]
    [InlineData(0.35, AdvanceClass.Exceptional)]
    [InlineData(0.3500001, AdvanceClass.Regular)]
    [InlineData(0.5699999, AdvanceClass.Regular)]
    [InlineData(0.57, AdvanceClass.Exceptional)]
    [InlineData(0.2, AdvanceClass.Exceptional)]
    [InlineData(double.NaN, AdvanceClass.Exceptional)]
    public void ClassOf_BandLimits_AreExclusive(double ratio, AdvanceClass expected)
    {
        TbmA.ClassOf(ratio).Should().Be(expected);
    }

    // Counts computed independently with a 15-line Python script over the shared CSVs
    // (math.acos/math.tan, torque × 1000, strict band comparison) before this code existed.
    [Theory]
    [InlineData("tbm_a_strokes.csv", 50, 7.0, 180.0, 0.35, 0.57, 473, 116, 464, 125)]
    [InlineData("tbm_b_strokes.csv", 70, 10.0, 400.0, 0.45, 0.57, 546, 43, 556, 33)]
    [InlineData("tbm_c_strokes.csv", 60, 9.0, 220.0, 0.53, 0.63, 491, 98, 469, 120)]
    public void Classify_SharedStrokeData_GivesPinnedRegularAndExceptionalCounts(
        string file, int cutters, double diameterM, double idleTorqueKnm, double low, double high,
        int meanRegular, int meanExceptional, int medianRegular, int medianExceptional)
    {
        var classifier = new StrokeClassifier(new TbmParameters
        {
            CutterCount = cutters,
            CutterRadiusMm = 241.3,
            CutterheadDiameterM = diameterM,
            IdleTorqueKnm = idleTorqueKnm,
            TorqueRatioBand = [low, high],
        });
        var lines = RepositoryData.ReadAllText("tbm-strokes", file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Trim().Split(',');
        int Col(string name) => Array.IndexOf(header, name);

        int[] counts = new int[4];
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Trim().Split(',');
            double V(string name) => double.Parse(cells[Col(name)], CultureInfo.InvariantCulture);
            var mean = classifier.Classify(V("penetration_mm_rev_mean"), V("thrust_kn_mean"), V("torque_mnm_mean") * 1000.0, V("rpm_mean"));
            var median = classifier.Classify(V("penetration_mm_rev_median"), V("thrust_kn_median"), V("torque_mnm_median") * 1000.0, V("rpm_median"));
            counts[mean.AdvanceClass == AdvanceClass.Regular ? 0 : 1]++;
            counts[median.AdvanceClass == AdvanceClass.Regular ? 2 : 3]++;
        }

        counts.Should().Equal(meanRegular, meanExceptional, medianRegular, medianExceptional);
        (counts[0] + counts[1]).Should().Be(589);
    }
}
