namespace Equipment.Domain.Tbm;

/// <summary>
/// Builds the cutter-change plan from the positions' least-squares wear fits, the trailing advance pace and the
/// registered next maintenance stop. Pure: the same state gives the same plan. Formulas and the abnormal-wear rule
/// are in the domain README ("Cutter-change plan").
/// </summary>
public static class CutterPlanner
{
    /// <summary>Nearest positions of the same class on each side that form a position's neighbourhood.</summary>
    public const int NeighboursEachSide = 3;

    /// <summary>Fewer neighbours with a rate than this: no verdict (a median of two is just their mean).</summary>
    public const int MinNeighbours = 3;

    /// <summary>A position is judged only after this many inspections since its last change (two points always fit a line).</summary>
    public const int MinInspectionsForVerdict = 3;

    /// <summary>
    /// And only once the disc has worn this much since its change: below it a few gauge readings' scatter (±0.1 mm)
    /// is a large share of the rise, and a rate from it can be off by a factor of two.
    /// </summary>
    public const double MinWearForVerdictMm = 1.0;

    /// <summary>k of the rule rate &gt; median + k · 1.4826 · MAD.</summary>
    public const double MadFactor = 3.0;

    /// <summary>And rate ≥ this × median, so a tight neighbourhood (MAD ≈ 0) does not flag a 5 % difference.</summary>
    public const double MinRatio = 1.5;

    public static CutterPlan Plan(
        TbmParameters parameters,
        IReadOnlyList<CutterPositionState> positions,
        double? chainageNowM,
        DateTimeOffset? asOf,
        double? paceMPerDay,
        TimeSpan? paceSpan,
        double? firstChainageM)
    {
        var n = parameters.CutterCount;
        var stopChainage = StopChainage(parameters.NextMaintenanceStop, chainageNowM, asOf, paceMPerDay);
        var fitted = positions.OrderBy(p => p.Position).Select(p => Fit(parameters, p)).ToList();
        var verdicts = Verdicts(fitted);

        var rows = new List<CutterPlanRow>(fitted.Count);
        foreach (var f in fitted)
        {
            DateTimeOffset? dateAtLimit = f.ChainageAtLimitM is { } cl && chainageNowM is { } now && asOf is { } t && paceMPerDay is { } pace
                ? cl <= now ? t : pace > 0 ? t + TimeSpan.FromDays(Math.Min((cl - now) / pace, 36_500)) : null
                : null;
            var overdue = f.State.WearMm is { } w && w >= f.LimitMm;
            var due = overdue || (f.ChainageAtLimitM is { } at && stopChainage is { } stop && at <= stop);
            var (median, ratio, abnormal) = verdicts[f.State.Position];
            rows.Add(new CutterPlanRow(f.State.Position, CutterWearTracker.CutterClassName(f.Class), f.RadiusM, f.LimitMm, f.State.WearMm,
                f.State.MeasuredAt, f.State.AdvanceFit.N, f.State.Replacements, f.PerM, f.PerKm, f.ChainageAtLimitM, dateAtLimit, due,
                median, ratio, abnormal));
        }

        rows.Sort((a, b) => (a.ChainageAtLimitM ?? double.PositiveInfinity).CompareTo(b.ChainageAtLimitM ?? double.PositiveInfinity) is var c && c != 0
            ? c
            : a.Position.CompareTo(b.Position));

        var dueRows = rows.Where(r => r.DueBeforeStop).ToList();
        var discs = new CutterDiscCount(
            dueRows.Count(r => r.Class == "centre"), dueRows.Count(r => r.Class == "face"), dueRows.Count(r => r.Class == "gauge"));
        var changed = positions.Sum(p => p.Replacements);
        double? excavated = chainageNowM is { } c0 && firstChainageM is { } c1 && c0 > c1 ? parameters.CutterheadAreaM2 * (c0 - c1) : null;
        var withRate = fitted.Where(f => f.PerM is not null).ToList();
        double? projected = withRate.Count > 0
            ? withRate.Sum(f => f.PerM!.Value / f.LimitMm) * n / withRate.Count / parameters.CutterheadAreaM2
            : null;

        return new CutterPlan(asOf, chainageNowM, paceMPerDay, paceSpan?.TotalDays, parameters.NextMaintenanceStop, stopChainage,
            dueRows.Select(r => r.Position).OrderBy(p => p).ToList(), discs, changed, excavated,
            excavated is { } v ? changed / v : null, projected,
            rows.Where(r => r.Abnormal).Select(r => r.Position).OrderBy(p => p).ToList(), rows);
    }

    /// <summary>
    /// Chainage of the next stop: the registered chainage, or where the pace takes the machine by the registered date,
    /// the earlier when both are given; null when neither can be worked out.
    /// </summary>
    public static double? StopChainage(MaintenanceStop? stop, double? chainageNowM, DateTimeOffset? asOf, double? paceMPerDay)
    {
        if (stop is null) return null;
        double? byDate = stop.At is { } at && chainageNowM is { } now && asOf is { } t && paceMPerDay is { } pace
            ? now + pace * Math.Max(0, (at - t).TotalDays)
            : null;
        return (stop.ChainageM, byDate) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    /// <summary>
    /// Abnormal-wear verdict of one rate against its neighbours' rates (mm per rolled km): abnormal when
    /// rate &gt; max(median + <see cref="MadFactor"/> · 1.4826 · MAD, <see cref="MinRatio"/> · median).
    /// </summary>
    public static bool IsAbnormal(double rate, IReadOnlyList<double> neighbourRates, out double median)
    {
        median = Median(neighbourRates);
        var m = median;
        var mad = Median(neighbourRates.Select(r => Math.Abs(r - m)).ToList());
        return rate > Math.Max(m + MadFactor * 1.4826 * mad, MinRatio * m);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Dictionary<int, (double? Median, double? Ratio, bool Abnormal)> Verdicts(List<Fitted> fitted)
    {
        var result = fitted.ToDictionary(f => f.State.Position, _ => ((double?)null, (double?)null, false));
        foreach (var group in fitted.Where(f => f.PerKm is not null).GroupBy(f => f.Class))
        {
            var ring = group.OrderBy(f => f.State.Position).ToList();
            for (var i = 0; i < ring.Count; i++)
            {
                var self = ring[i];
                if (self.State.AdvanceFit.N < MinInspectionsForVerdict) continue;
                if ((self.State.WearMm ?? 0) - self.State.BaselineWearMm < MinWearForVerdictMm) continue;
                var neighbours = ring.Where((_, j) => j != i && Math.Abs(j - i) <= NeighboursEachSide).Select(f => f.PerKm!.Value).ToList();
                if (neighbours.Count < MinNeighbours) continue;
                var abnormal = IsAbnormal(self.PerKm!.Value, neighbours, out var median);
                result[self.State.Position] = (median, median > 0 ? self.PerKm.Value / median : null, abnormal);
            }
        }

        return result;
    }

    private static Fitted Fit(TbmParameters parameters, CutterPositionState p)
    {
        var cutterClass = parameters.CutterClasses.ClassOf(p.Position, parameters.CutterCount);
        var limit = parameters.CutterWearLimitMm.For(cutterClass);
        var radius = TbmFormulas.CutterPositionRadiusM(p.Position, parameters.CutterCount, parameters.CutterheadDiameterM);
        double? perM = p.AdvanceFit.Slope is { } b && b > 0 ? b : null;
        // mm/km rolled = mm/m × metres advanced per km this position rolled over the fitted inspections (first to latest):
        // the head turns as a whole, so this is the same fit in other units.
        var rolledKm = 2 * Math.PI * radius * (p.MeasuredRevolutions - p.FitStartRevolutions) / 1000.0;
        var advancedM = p.MeasuredChainageM is { } mc && p.AdvanceFit.N > 0 ? mc - p.AdvanceFit.OriginX : 0;
        double? perKm = perM is { } rate && advancedM > 0 && rolledKm > 0 ? rate * advancedM / rolledKm : null;
        var chainageAtLimit = perM is null ? null : p.AdvanceFit.XAt(limit);
        return new Fitted(p, cutterClass, limit, radius, perM, perKm, chainageAtLimit);
    }

    private sealed record Fitted(
        CutterPositionState State, CutterClass Class, double LimitMm, double RadiusM, double? PerM, double? PerKm, double? ChainageAtLimitM);
}
