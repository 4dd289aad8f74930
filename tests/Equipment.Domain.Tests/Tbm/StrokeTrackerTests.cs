using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tests.Tbm;

public class StrokeTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static TbmSample Boring(int second, long stroke, double p, double f, double t, double rpm = 6, double? chainage = null) =>
        new(T0.AddSeconds(second), ChainageM: chainage, Stroke: stroke, ThrustKn: f, TorqueKnm: t, Rpm: rpm, PenetrationMmRev: p, Boring: true);

    [Fact]
    public void Apply_NewStrokeNumber_ClosesPreviousWithMeanAndMedian()
    {
        var tracker = new StrokeTracker(new TbmParameters());
        tracker.Apply(Boring(0, 1, 10, 10000, 1600, chainage: 100.0)).Should().BeNull();
        tracker.Apply(Boring(10, 1, 12, 11000, 1800));
        tracker.Apply(Boring(20, 1, 8, 9000, 1400));
        tracker.Apply(Boring(30, 1, 20, 10000, 1600, chainage: 101.7));

        var closed = tracker.Apply(Boring(40, 2, 10, 10000, 1600, chainage: 101.8));

        // p: mean (10+12+8+20)/4 = 12.5, median (10+12)/2 = 11; F: mean 10000, median (10000+10000)/2;
        // T: mean 1600, median (1600+1600)/2. Mean ratio: α = acos(228.8/241.3) = 0.323284, T_theo = 3604.358 → 0.443907.
        // Median ratio: T_theo(11, 10000) = 3387.220 → 1600/3387.220 = 0.472364. Both inside (0.35, 0.57).
        closed.Should().NotBeNull();
        var s = closed!.Value;
        s.Stroke.Should().Be(1);
        s.Open.Should().BeFalse();
        s.Samples.Should().Be(4);
        s.ChainageStartM.Should().Be(100.0);
        s.ChainageEndM.Should().Be(101.7);
        s.Mean.PenetrationMmRev.Should().BeApproximately(12.5, 1e-12);
        s.Mean.ThrustKn.Should().BeApproximately(10000, 1e-9);
        s.Mean.TorqueKnm.Should().BeApproximately(1600, 1e-9);
        s.Mean.TorqueRatio.Should().BeApproximately(0.443907, 0.000001);
        s.Median.PenetrationMmRev.Should().Be(11);
        s.Median.TorqueRatio.Should().BeApproximately(0.472364, 0.000001);
        s.Mean.AdvanceClass.Should().Be(AdvanceClass.Regular);
        tracker.Strokes.Select(x => (x.Stroke, x.Open)).Should().Equal((1L, false), (2L, true));
    }

    [Fact]
    public void Apply_StandstillZeroRpmZeroPenetrationOrMissingFields_AreLeftOut()
    {
        var tracker = new StrokeTracker(new TbmParameters());
        tracker.Apply(Boring(0, 5, 10, 10000, 1600));
        tracker.Apply(Boring(1, 5, 90, 90000, 9000) with { Boring = false });
        tracker.Apply(Boring(2, 5, 90, 90000, 9000, rpm: 0.0));
        tracker.Apply(Boring(3, 5, 0, 90000, 9000));
        tracker.Apply(Boring(4, 5, -1, 90000, 9000));
        tracker.Apply(Boring(5, 5, 90, 90000, 9000) with { ThrustKn = null });
        tracker.Apply(new TbmSample(T0.AddSeconds(6), ChainageM: 55.5, Stroke: 5));

        var open = tracker.SummarizeOpen()!.Value;

        open.Samples.Should().Be(1);
        open.Mean.PenetrationMmRev.Should().Be(10);
        open.Median.ThrustKn.Should().Be(10000);
        open.ChainageEndM.Should().Be(55.5, "chainage is taken from every sample of the stroke");
    }

    [Fact]
    public void Apply_LateSampleOfOlderStroke_IsIgnored()
    {
        var tracker = new StrokeTracker(new TbmParameters());
        tracker.Apply(Boring(0, 1, 10, 10000, 1600));
        tracker.Apply(Boring(10, 2, 10, 10000, 1600));

        // Stroke 1's sample stamped before stroke 2 began (t = 5 < 10): late, not a counter reset.
        tracker.Apply(Boring(5, 1, 50, 50000, 5000)).Should().BeNull();

        tracker.State.Closed.Single().Samples.Should().Be(1);
        tracker.State.Open!.Stroke.Should().Be(2);
        tracker.State.Open.Samples.Should().Be(1);
    }

    [Fact]
    public void Apply_StrokeWithoutValidSamples_IsNotListed()
    {
        var tracker = new StrokeTracker(new TbmParameters());
        tracker.Apply(new TbmSample(T0, ChainageM: 1, Stroke: 1, Boring: false));

        tracker.Apply(Boring(10, 2, 10, 10000, 1600)).Should().BeNull();

        tracker.State.Closed.Should().BeEmpty();
    }

    [Fact]
    public void Apply_MoreSamplesThanBuffer_MedianFromEvenlySpacedSubsampleAndMeanExact()
    {
        var tracker = new StrokeTracker(new TbmParameters(), maxMedianSamples: 4);
        // p = i² for i = 1..9. Buffer: [1,4,9,16] full → keep [1,9], stride 2; keep 25 (i=5), skip 36, keep 49 →
        // [1,9,25,49] full → [1,25], stride 4; skip 64, keep 81 → [1,25,81]: median 25 = true median of i² (5²).
        // Mean is exact: (1+4+9+16+25+36+49+64+81)/9 = 285/9 = 31.6667.
        for (var i = 1; i <= 9; i++) tracker.Apply(Boring(i, 1, i * i, 10000, 1600));

        tracker.State.Open!.PenetrationMmRev.Should().Equal(1, 25, 81);
        tracker.State.Open.Stride.Should().Be(4);
        var open = tracker.SummarizeOpen()!.Value;
        open.Median.PenetrationMmRev.Should().Be(25);
        open.Mean.PenetrationMmRev.Should().BeApproximately(31.6667, 0.0001);
        open.Samples.Should().Be(9);
    }

    [Fact]
    public void CloseOpen_MoreStrokesThanLimit_KeepsNewestOnly()
    {
        var tracker = new StrokeTracker(new TbmParameters(), maxStrokes: 3);
        for (var stroke = 1; stroke <= 5; stroke++) tracker.Apply(Boring(stroke, stroke, 10, 10000, 1600));
        tracker.CloseOpen();

        tracker.State.Closed.Select(s => s.Stroke).Should().Equal(3, 4, 5);
    }

    [Fact]
    public void CloseOpen_ExceptionalStrokesInARow_CountsAndResetsOnRegular()
    {
        var tracker = new StrokeTracker(new TbmParameters());
        // T = 2000 kNm at p = 10, F = 10000 → ratio 0.618 (exceptional); T = 1600 → 0.495 (regular).
        tracker.Apply(Boring(0, 1, 10, 10000, 2000));
        tracker.Apply(Boring(1, 2, 10, 10000, 2000));
        tracker.Apply(Boring(2, 3, 10, 10000, 2000));
        tracker.Apply(Boring(3, 4, 10, 10000, 1600));
        tracker.State.ConsecutiveExceptional.Should().Be(3);

        tracker.CloseOpen();

        tracker.State.ConsecutiveExceptional.Should().Be(0);
    }

    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void Median_OddAndEvenCounts_MiddleOrMeanOfMiddles(double[] values, double expected)
    {
        StrokeTracker.Median(values).Should().Be(expected);
    }

    [Fact]
    public void Apply_CounterResetByPlcRestart_ClosesOpenStrokeAndKeepsClassifying()
    {
        // Strokes 4711, 4712 at 1 Hz, then the PLC restarts and counts from 1 again (newer time, lower number).
        var tracker = new StrokeTracker(new TbmParameters());
        var second = 0;
        foreach (var stroke in new long[] { 4711, 4712 })
            for (var k = 0; k < 5; k++) tracker.Apply(Boring(second++, stroke, 10, 10000, 1600));

        var closedByReset = tracker.Apply(Boring(second++, 1, 10, 10000, 2000));
        for (var k = 0; k < 4; k++) tracker.Apply(Boring(second++, 1, 10, 10000, 2000));
        var closedAfterReset = tracker.Apply(Boring(second++, 2, 10, 10000, 1600));
        // A late sample of the restarted stroke 1 (stamped before stroke 2 began) is still ignored.
        tracker.Apply(Boring(second - 3, 1, 50, 50000, 5000)).Should().BeNull();

        closedByReset!.Value.Stroke.Should().Be(4712);
        closedAfterReset!.Value.Stroke.Should().Be(1);
        closedAfterReset.Value.Samples.Should().Be(5);
        // T = 2000 kNm → ratio 0.618, outside (0.35, 0.57): the restarted stroke is classified, not dropped.
        closedAfterReset.Value.Mean.AdvanceClass.Should().Be(AdvanceClass.Exceptional);
        tracker.State.Closed.Select(c => c.Stroke).Should().Equal(4711, 4712, 1);
        tracker.State.Open!.Stroke.Should().Be(2);
        tracker.State.CounterResets.Should().Be(1);
    }

    [Fact]
    public void Apply_CounterWrapsAt16Bits_ContinuesWithZero()
    {
        var tracker = new StrokeTracker(new TbmParameters());
        tracker.Apply(Boring(0, 65535, 10, 10000, 1600));

        var closed = tracker.Apply(Boring(1, 0, 10, 10000, 1600));
        tracker.Apply(Boring(2, 1, 10, 10000, 1600));

        closed!.Value.Stroke.Should().Be(65535);
        tracker.State.Closed.Select(c => c.Stroke).Should().Equal(65535, 0);
    }
}
