namespace Equipment.Simulator.Replay;

/// <summary>
/// Turns a stroke's mean and median back into samples whose mean and median equal them exactly:
/// values spread symmetrically around the median, then the outer samples on one side shifted by
/// the mean–median gap. The two middle samples never move, and shifted samples stay on their
/// side, so the median is untouched while the sum carries the mean.
/// </summary>
public static class StrokeSampleSynthesizer
{
    public static double[] Synthesize(double mean, double median, double relativeSpread, int count)
    {
        if (count < 4 || count % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "an even count of at least 4 is needed");
        }

        var halfWidth = Math.Abs(median) * relativeSpread;
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            values[k] = median + halfWidth * (2.0 * k - (count - 1)) / (count - 1);
        }

        var gap = count * (mean - median);
        var side = count / 2 - 1;
        for (var j = 0; j < side; j++)
        {
            var k = gap >= 0 ? count - 1 - j : j;
            values[k] += gap / side;
        }

        return values;
    }

    public static double Mean(IReadOnlyList<double> values) => values.Sum() / values.Count;

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
