using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tbm;

/// <summary>
/// Per-position cutter wear. Rolling distance of position i since its baseline = 2π·r_i·(revolutions since baseline),
/// with r_i from <see cref="TbmFormulas.CutterPositionRadiusM"/> and revolutions = Σ rpm·Δt while boring (kept by
/// <see cref="TbmKpiTracker"/>). Wear rates: (wear − baseline wear) / rolled km and / advanced m between the baseline
/// and the latest measurement. Remaining life = (limit of the position's class − wear) / (mm per m), projected from the
/// measurement's chainage.
/// A <c>replaced=true</c> sample resets the baseline to (its wear_mm or 0, now).
/// </summary>
public sealed class CutterWearTracker(TbmParameters parameters, List<CutterPositionState>? positions = null)
{
    public List<CutterPositionState> Positions { get; } = positions ?? [];

    /// <summary>
    /// Applies one cutter sample; false when the position is outside 1..cutterCount, nothing is reported, or the sample
    /// is older than the position's latest measurement (a late or re-sent inspection: the chainage and revolutions it
    /// would be filed at are today's, not its own, so it would bend the wear-rate fit).
    /// </summary>
    public bool Apply(CutterSample sample, double? chainageM, double revolutions)
    {
        if (sample.Position < 1 || sample.Position > parameters.CutterCount) return false;
        if (sample.WearMm is null && sample.Replaced != true) return false;
        var state = Positions.Find(p => p.Position == sample.Position);
        if (state?.MeasuredAt is { } latest && sample.Timestamp < latest) return false;
        if (sample.Replaced == true || state is null)
        {
            var wasKnown = state is not null;
            state ??= AddPosition(sample.Position);
            state.BaselineWearMm = sample.WearMm ?? 0;
            state.BaselineChainageM = chainageM;
            state.BaselineRevolutions = revolutions;
            if (sample.Replaced == true && wasKnown) state.Replacements++;
            state.AdvanceFit = default;
        }

        state.WearMm = sample.WearMm ?? state.BaselineWearMm;
        state.MeasuredChainageM = chainageM;
        state.MeasuredRevolutions = revolutions;
        state.MeasuredAt = sample.Timestamp;
        if (chainageM is { } c)
        {
            var advance = state.AdvanceFit;
            if (advance.N == 0) state.FitStartRevolutions = revolutions;
            advance.Add(c, state.WearMm.Value);
            state.AdvanceFit = advance;
        }
        return true;
    }

    public double? MaxWearMm => Positions.Count == 0 ? null : Positions.Max(p => p.WearMm ?? 0);

    /// <summary>
    /// Highest wear as a share of its own position's limit, % (a gauge cutter at 12 of 15 mm is 80 %, ahead of a face
    /// cutter at 18 of 25 mm, 72 %); what the early-warning and limit alerts compare.
    /// </summary>
    public double? MaxWearPctOfLimit =>
        Positions.Count == 0 ? null : Positions.Max(p => 100.0 * (p.WearMm ?? 0) / parameters.WearLimitMmAt(p.Position));

    public IReadOnlyList<CutterWear> Report(double revolutionsNow) =>
        Positions.OrderBy(p => p.Position).Select(p => Report(p, revolutionsNow)).ToList();

    private CutterWear Report(CutterPositionState p, double revolutionsNow)
    {
        var radius = TbmFormulas.CutterPositionRadiusM(p.Position, parameters.CutterCount, parameters.CutterheadDiameterM);
        var rolledKmNow = 2 * Math.PI * radius * (revolutionsNow - p.BaselineRevolutions) / 1000.0;
        var rolledKmAtMeasurement = 2 * Math.PI * radius * (p.MeasuredRevolutions - p.BaselineRevolutions) / 1000.0;
        var worn = (p.WearMm ?? p.BaselineWearMm) - p.BaselineWearMm;
        double? perKm = worn > 0 && rolledKmAtMeasurement > 0 ? worn / rolledKmAtMeasurement : null;
        double? advancedM = p is { MeasuredChainageM: { } mc, BaselineChainageM: { } bc } ? mc - bc : null;
        double? perM = worn > 0 && advancedM > 0 ? worn / advancedM : null;
        var cutterClass = parameters.CutterClasses.ClassOf(p.Position, parameters.CutterCount);
        var limit = parameters.CutterWearLimitMm.For(cutterClass);
        double? remaining = p.WearMm is { } w ? limit - w : null;
        double? remainingM = remaining is { } r && perM is { } rate ? Math.Max(0, r) / rate : null;
        double? chainageAtLimit = remainingM is { } rm && p.MeasuredChainageM is { } at ? at + rm : null;
        return new CutterWear(p.Position, radius, p.WearMm, p.MeasuredAt, p.Replacements, rolledKmNow, perKm, perM, remaining, remainingM, chainageAtLimit,
            CutterClassName(cutterClass), limit);
    }

    /// <summary>Lower-case class name as registered and reported (centre, face, gauge).</summary>
    public static string CutterClassName(CutterClass cutterClass) => cutterClass switch
    {
        CutterClass.Centre => "centre",
        CutterClass.Gauge => "gauge",
        _ => "face",
    };

    private CutterPositionState AddPosition(int position)
    {
        var state = new CutterPositionState { Position = position };
        Positions.Add(state);
        return state;
    }
}
