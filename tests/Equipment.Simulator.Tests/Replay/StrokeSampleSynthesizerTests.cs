using Equipment.Simulator.Replay;

namespace Equipment.Simulator.Tests.Replay;

public class StrokeSampleSynthesizerTests
{
    [Theory]
    [InlineData(10360.8198127451, 10120.615)]
    [InlineData(9345.410956232494, 9869.163333333334)]
    [InlineData(6.0, 6.0)]
    [InlineData(1.665715616246498, 1.628333333333333)]
    public void Synthesize_StrokeMeanAndMedian_AreReproducedExactly(double mean, double median)
    {
        var samples = StrokeSampleSynthesizer.Synthesize(mean, median, 0.04, 10);

        samples.Should().HaveCount(10);
        StrokeSampleSynthesizer.Mean(samples).Should().BeApproximately(mean, Math.Abs(mean) * 1e-12);
        StrokeSampleSynthesizer.Median(samples).Should().BeApproximately(median, Math.Abs(median) * 1e-12);
    }

    [Fact]
    public void Synthesize_EqualMeanAndMedian_SpreadsSymmetricallyOverPlusMinusSpread()
    {
        var samples = StrokeSampleSynthesizer.Synthesize(100, 100, 0.05, 10);

        samples.Min().Should().BeApproximately(95, 1e-9);
        samples.Max().Should().BeApproximately(105, 1e-9);
        samples.Zip(samples.Reverse()).Should().OnlyContain(p => Math.Abs(p.First + p.Second - 200) < 1e-9);
    }

    [Fact]
    public void Synthesize_OddCount_IsRejected()
    {
        var act = () => StrokeSampleSynthesizer.Synthesize(1, 1, 0.1, 9);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
