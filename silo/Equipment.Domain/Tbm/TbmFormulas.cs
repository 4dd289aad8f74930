namespace Equipment.Domain.Tbm;

/// <summary>Closed-form TBM performance formulas. Units are in the parameter names.</summary>
public static class TbmFormulas
{
    public static double ThrustPerCutterKn(double thrustKn, int cutterCount) => thrustKn / cutterCount;

    /// <summary>
    /// Field penetration index FPI = (F/n) / p, kN per cutter per mm/rev: how much cutter load buys one mm of
    /// penetration, a rock-mass boreability measure independent of the thrust level chosen by the operator.
    /// Null when p ≤ 0 (no cutting, FPI undefined).
    /// </summary>
    public static double? FieldPenetrationIndex(double thrustKn, int cutterCount, double penetrationMmRev) =>
        penetrationMmRev > 0 ? thrustKn / cutterCount / penetrationMmRev : null;

    /// <summary>
    /// Teale's specific energy SE = F/A + 2π·T/(A·p) with F in MN, T in MNm, A in m², p in m/rev, giving MJ/m³:
    /// the work of thrust plus rotation per m³ of rock excavated. Null when p ≤ 0.
    /// </summary>
    public static double? SpecificEnergyMjPerM3(double thrustKn, double torqueKnm, double penetrationMmRev, double cutterheadDiameterM)
    {
        if (!(penetrationMmRev > 0)) return null;
        var areaM2 = Math.PI * cutterheadDiameterM * cutterheadDiameterM / 4.0;
        var thrustMn = thrustKn / 1000.0;
        var torqueMnm = torqueKnm / 1000.0;
        var penetrationM = penetrationMmRev / 1000.0;
        return thrustMn / areaM2 + 2.0 * Math.PI * torqueMnm / (areaM2 * penetrationM);
    }

    /// <summary>Advance rate, m/h, from a chainage difference over a time span.</summary>
    public static double AdvanceRateMPerH(double chainageDeltaM, TimeSpan elapsed) => chainageDeltaM / elapsed.TotalHours;

    /// <summary>
    /// Radius of cutter position i (1 = innermost, n = gauge) under the documented even layout r_i = (i/n)·D/2, m.
    /// Real cutterheads differ (centre cutters are clustered); this keeps rolling distances comparable between positions.
    /// </summary>
    public static double CutterPositionRadiusM(int position, int cutterCount, double cutterheadDiameterM) =>
        (double)position / cutterCount * cutterheadDiameterM / 2.0;
}
