using System.Text.Json.Serialization;

namespace Equipment.Domain.Tbm;

/// <summary>
/// Running sums of an ordinary least-squares line y = a + b·x. Bounded (five numbers however many points), so a twin
/// can fit a year of inspections without keeping them. x is stored relative to the first point's x
/// (<see cref="OriginX"/>): chainages of several km squared would otherwise cancel badly in n·Σx² − (Σx)².
/// A struct (no object per position and fit: a twin keeps two per cutter); mutate a copy and assign it back.
/// </summary>
public record struct LeastSquaresSums
{
    /// <summary>x of the first point; meaningless while <see cref="N"/> is 0.</summary>
    public double OriginX { get; set; }
    public int N { get; set; }
    public double SumX { get; set; }
    public double SumY { get; set; }
    public double SumXx { get; set; }
    public double SumXy { get; set; }

    public void Add(double x, double y)
    {
        if (N == 0) OriginX = x;
        var dx = x - OriginX;
        N++;
        SumX += dx;
        SumY += y;
        SumXx += dx * dx;
        SumXy += dx * y;
    }

    /// <summary>Slope b = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²); null with fewer than two distinct x.</summary>
    [JsonIgnore]
    public readonly double? Slope
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
    [JsonIgnore]
    public readonly double? Intercept => Slope is { } b ? (SumY - b * SumX) / N : null;

    /// <summary>x at which the fitted line reaches <paramref name="y"/> (absolute, origin added back); null for a flat or falling line.</summary>
    public readonly double? XAt(double y) =>
        Slope is { } b && b > 0 && Intercept is { } a ? OriginX + (y - a) / b : null;
}
