namespace Equipment.Domain.Tbm;

/// <summary>
/// Running sums of an ordinary least-squares line y = a + b·x. Bounded (five numbers however many points), so a twin
/// can fit a year of inspections without keeping them. x is stored relative to the first point's x
/// (<see cref="OriginX"/>): chainages of several km squared would otherwise cancel badly in n·Σx² − (Σx)².
/// </summary>
public sealed class LeastSquaresSums
{
    public double? OriginX { get; set; }
    public int N { get; set; }
    public double SumX { get; set; }
    public double SumY { get; set; }
    public double SumXx { get; set; }
    public double SumXy { get; set; }

    public void Add(double x, double y)
    {
        OriginX ??= x;
        var dx = x - OriginX.Value;
        N++;
        SumX += dx;
        SumY += y;
        SumXx += dx * dx;
        SumXy += dx * y;
    }

    public void Clear()
    {
        OriginX = null;
        N = 0;
        SumX = SumY = SumXx = SumXy = 0;
    }

    /// <summary>Slope b = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²); null with fewer than two distinct x.</summary>
    public double? Slope
    {
        get
        {
            if (N < 2) return null;
            var denominator = N * SumXx - SumX * SumX;
            // Distinct x spread by less than ~1e-6 of a unit (a μm of chainage) is one point measured twice.
            return denominator > 1e-12 * N * N ? (N * SumXy - SumX * SumY) / denominator : null;
        }
    }

    /// <summary>Intercept a at <see cref="OriginX"/> (ȳ − b·x̄); null when the slope is.</summary>
    public double? Intercept => Slope is { } b ? (SumY - b * SumX) / N : null;

    /// <summary>x at which the fitted line reaches <paramref name="y"/> (absolute, origin added back); null for a flat or falling line.</summary>
    public double? XAt(double y) =>
        Slope is { } b && b > 0 && Intercept is { } a && OriginX is { } origin ? origin + (y - a) / b : null;
}
