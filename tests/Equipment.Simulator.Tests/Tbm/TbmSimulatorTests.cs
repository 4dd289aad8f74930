using Equipment.Simulator.Core;
using Equipment.Simulator.Tbm;
using Equipment.Simulator.Tests.Support;

namespace Equipment.Simulator.Tests.Tbm;

public class TbmSimulatorTests
{
    private static readonly TbmParameters A = TbmParameters.A;

    private static (List<LineProtocolPoint> Tbm, List<LineProtocolPoint> Cutters) Run(int seed, double days, double rateHz)
    {
        var sim = new TbmSimulator("tbm-01", "gold-mine-1", A, Simulate.Epoch, rateHz, SeedDerivation.For(seed, "tbm-01"), 1200);
        var points = Simulate.Parse(Simulate.Run(sim, TimeSpan.FromDays(days)));
        return (points.Where(p => p.Measurement == "tbm").ToList(), points.Where(p => p.Measurement == "tbm_cutter").ToList());
    }

    // One simulated day at 1 Hz is shared by the tests that only read it.
    private static readonly Lazy<List<LineProtocolPoint>> OneDay = new(() => Run(42, 1, 1).Tbm);

    [Fact]
    public void Step_OneSample_CarriesExactlyTheContractFieldsAndTags()
    {
        var (tbm, _) = Run(42, 1.0 / 3600, 1);

        tbm[0].Tags.Should().BeEquivalentTo(new Dictionary<string, string> { ["id"] = "tbm-01", ["site"] = "gold-mine-1" });
        tbm[0].Fields.Keys.Should().BeEquivalentTo(
            "chainage_m", "stroke", "thrust_kn", "torque_knm", "rpm", "penetration_mm_rev", "advance_mm_min",
            "gripper_pressure_bar", "main_bearing_temp_c", "gear_oil_temp_c", "hydraulic_oil_temp_c", "power_kw", "boring");
        tbm[0].Integer("stroke").Should().BeGreaterThan(0);
    }

    [Fact]
    public void Run_OneDay_StrokesOf1point7To1point8MetresSeparatedByRegripping()
    {
        var tbm = OneDay.Value;

        var strokes = tbm.GroupBy(p => p.Integer("stroke")).OrderBy(g => g.Key).ToList();
        var complete = strokes.Skip(1).SkipLast(1).ToList();
        complete.Should().HaveCountGreaterThan(20);
        foreach (var stroke in complete)
        {
            var boring = stroke.Where(p => p.Bool("boring")).Select(p => p.Double("chainage_m")).ToList();
            (boring.Max() - boring.Min()).Should().BeInRange(1.68, 1.80, $"stroke {stroke.Key} is one thrust-cylinder cycle");

            // Every stroke ends with the machine at standstill, regripping.
            stroke.Last().Bool("boring").Should().BeFalse();
        }

        strokes.Select(g => g.Key).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Run_OneDay_BoringSamplesFollowPhysicsOfPenetrationAndTorque()
    {
        var tbm = OneDay.Value;
        var boring = tbm.Where(p => p.Bool("boring") && p.Double("rpm") > 5).ToList();

        boring.Max(p => Math.Abs(p.Double("advance_mm_min") - p.Double("penetration_mm_rev") * p.Double("rpm"))).Should().BeLessThan(0.02);

        var ratios = boring.Select(p => CuttingModel.TorqueRatio(p.Double("torque_knm"), p.Double("penetration_mm_rev"), p.Double("thrust_kn"), A)).ToList();
        var inBand = ratios.Count(r => r > A.TorqueRatioLow && r < A.TorqueRatioHigh) / (double)ratios.Count;
        inBand.Should().BeInRange(0.6, 0.97, "ratios are drawn mostly inside the band and sometimes outside");
        boring.Average(p => p.Double("penetration_mm_rev")).Should().BeInRange(5, 12);
        boring.Average(p => p.Double("thrust_kn")).Should().BeInRange(0.65 * A.RatedThrustKn, 0.95 * A.RatedThrustKn);
    }

    [Fact]
    public void Run_OneDay_ScheduledStopsAreStandstill()
    {
        var tbm = OneDay.Value;

        tbm.Where(p => ShiftSchedule.StopStartAt(p.Time) is not null).Should().NotBeEmpty()
            .And.OnlyContain(p => !p.Bool("boring") && p.Double("rpm") == 0);
        tbm.Count(p => p.Bool("boring")).Should().BeGreaterThan(tbm.Count / 2);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void Run_FourDays_RaisesEveryAlertWorthyAnomaly(int seed)
    {
        var (tbm, _) = Run(seed, 4, 0.2);

        tbm.Should().Contain(p => p.Double("thrust_kn") / A.CutterCount > A.RatedCutterLoadKn, "hard-rock zones push thrust per cutter over its rating");
        tbm.Should().Contain(p => p.Double("gear_oil_temp_c") > 80, "cooling faults overheat the gear oil");
        tbm.Should().Contain(
            p => p.Bool("boring") && p.Double("rpm") == 0 && p.Double("torque_knm") >= 0.9 * A.RatedTorqueKnm,
            "a jammed cutterhead stalls with torque near its rating");
    }

    [Fact]
    public void Run_TwoDays_InspectsEveryCutterAtEachStopAndReplacesWornOnes()
    {
        var (_, cutters) = Run(42, 2, 0.2);

        var measurements = cutters.Where(p => !p.Bool("replaced")).GroupBy(p => p.Time).ToList();
        measurements.Should().HaveCount(6, "two days hold two maintenance stops and four handovers");
        measurements.Should().OnlyContain(g => g.Select(p => p.Tags["position"]).Distinct().Count() == 50);

        var replacements = cutters.Where(p => p.Bool("replaced")).ToList();
        replacements.Should().NotBeEmpty().And.OnlyContain(p => p.Double("wear_mm") == 0);
        foreach (var r in replacements)
        {
            var measured = cutters.Single(p => !p.Bool("replaced") && p.Tags["position"] == r.Tags["position"] && p.Time == r.Time.AddSeconds(-1));
            measured.Double("wear_mm").Should().BeGreaterThanOrEqualTo(14.5, "cutters are changed at the 15 mm limit");
        }
    }
}
