namespace Equipment.Domain.Tbm;

/// <summary>
/// Wear history of one cutter position, reduced to a baseline (last replacement, or first measurement seen) and the
/// latest measurement; the wear rate is the slope between them. The cutter plan fits every inspection since the
/// baseline by least squares (<see cref="AdvanceFit"/>), kept as running sums.
/// </summary>
public sealed class CutterPositionState
{
    public int Position { get; set; }
    public double BaselineWearMm { get; set; }
    public double? BaselineChainageM { get; set; }
    public double BaselineRevolutions { get; set; }
    public double? WearMm { get; set; }
    public double? MeasuredChainageM { get; set; }
    public double MeasuredRevolutions { get; set; }
    public DateTimeOffset? MeasuredAt { get; set; }
    public int Replacements { get; set; }

    /// <summary>Wear (mm) against chainage (m) of every inspection since the baseline that had a chainage.</summary>
    public LeastSquaresSums AdvanceFit { get; set; }

    /// <summary>Cutterhead revolutions at the fit's first point (its chainage is <see cref="LeastSquaresSums.OriginX"/>).</summary>
    public double FitStartRevolutions { get; set; }
}
