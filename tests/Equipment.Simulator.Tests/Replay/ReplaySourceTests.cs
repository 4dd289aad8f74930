using Equipment.Simulator.Core;
using Equipment.Simulator.Replay;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;

namespace Equipment.Simulator.Tests.Replay;

public class ReplaySourceTests
{
    private static readonly string StrokesDir = DataFileLocator.Resolve(null, SourceFactory.StrokesRelativePath, "--strokes");
    private static readonly ReplayMachine TbmA = ReplayMachine.Shared[0];
    private static readonly IReadOnlyList<StrokeRecord> Rows = StrokeCsvReader.Read(Path.Combine(StrokesDir, "tbm_a_strokes.csv"));

    private static List<LineProtocolPoint> ReplayAll()
    {
        var source = new ReplaySource(TbmA, Rows, Simulate.Epoch, SeedDerivation.For(42, TbmA.Id));
        var points = Simulate.Parse(Simulate.Run(source, TimeSpan.FromDays(365)));
        source.IsFinished.Should().BeTrue();
        return points;
    }

    [Fact]
    public void Read_SharedCsvs_Hold589StrokesEach()
    {
        foreach (var m in ReplayMachine.Shared)
        {
            StrokeCsvReader.Read(Path.Combine(StrokesDir, m.FileName)).Should().HaveCount(589);
        }

        Rows[0].Should().Be(new StrokeRecord(0, 0, 1.69, 9.809251050420169, 10360.8198127451, 1.665715616246498, 6,
            9.7975, 10120.615, 1.628333333333333, 6));
    }

    [Fact]
    public void StrokeDuration_FirstStrokeOfTbmA_IsAdvanceOverMeanRate()
    {
        // 1.69 m at 9.8093 mm/rev · 6 rpm = 58.856 mm/min takes 28.71 min.
        ReplaySource.StrokeDuration(Rows[0]).TotalMinutes.Should().BeApproximately(28.714, 0.001);
    }

    [Fact]
    public void AdvanceTo_FirstStroke_SamplesReproduceTheRowInKnmAndEndWithRegrip()
    {
        var stroke0 = ReplayAll().Where(p => p.Integer("stroke") == 0).OrderBy(p => p.Time).ToList();

        stroke0.Should().HaveCount(11);
        stroke0.Should().OnlyContain(p => p.Tags["id"] == "tbm-a" && p.Tags["site"] == "replay");
        var boring = stroke0.Take(10).ToList();
        boring.Should().OnlyContain(p => p.Bool("boring"));
        stroke0[^1].Bool("boring").Should().BeFalse();
        stroke0[^1].Double("chainage_m").Should().Be(1.69);

        boring.Select(p => p.Double("chainage_m")).Should().BeInAscendingOrder();
        boring[0].Double("chainage_m").Should().Be(0);
        boring[^1].Double("chainage_m").Should().Be(1.69);

        var torque = boring.Select(p => p.Double("torque_knm")).ToList();
        StrokeSampleSynthesizer.Mean(torque).Should().BeApproximately(1665.7156, 1e-3);
        StrokeSampleSynthesizer.Median(torque).Should().BeApproximately(1628.3333, 1e-3);
        var thrust = boring.Select(p => p.Double("thrust_kn")).ToList();
        StrokeSampleSynthesizer.Mean(thrust).Should().BeApproximately(10360.8198, 1e-3);
        StrokeSampleSynthesizer.Median(thrust).Should().BeApproximately(10120.615, 1e-3);
        StrokeSampleSynthesizer.Median(boring.Select(p => p.Double("penetration_mm_rev")).ToList()).Should().BeApproximately(9.7975, 1e-9);
        var rpm = boring.Select(p => p.Double("rpm")).ToList();
        StrokeSampleSynthesizer.Mean(rpm).Should().BeApproximately(6, 1e-9);
        rpm.Should().OnlyContain(r => r >= 5.94 && r <= 6.06, "rpm scatters by 1 %");
    }

    [Fact]
    public void AdvanceTo_WholeFile_EmitsElevenPointsPerStrokeInTimeOrder()
    {
        var points = ReplayAll();

        points.Should().HaveCount(589 * 11);
        points.Select(p => p.Timestamp).Should().BeInAscendingOrder();
        points.Should().OnlyContain(p => p.Double("thrust_kn") >= 0 && p.Double("torque_knm") >= 0 && p.Double("penetration_mm_rev") >= 0);
    }

    [Fact]
    public void AdvanceTo_PartWay_EmitsOnlySamplesUpToThatTime()
    {
        var source = new ReplaySource(TbmA, Rows, Simulate.Epoch, new Random(1));
        var sink = new List<InfluxDB.Client.Writes.PointData>();

        // The first stroke takes 28.7 min, its regrip sample comes 75 s later.
        source.AdvanceTo(Simulate.Epoch.AddMinutes(29), sink);

        sink.Should().HaveCount(10);
        source.IsFinished.Should().BeFalse();
    }
}
