namespace Equipment.Domain.Tbm;

/// <summary>
/// Torque-ratio advance classification after ÖNORM B 2203-2:2023 as applied by Erharter et al.:
/// α = acos((R − p)/R), T_theo = 0.3 · tan(α/2) · (F/n) · n · D + M0, ratio = T / T_theo,
/// regular when low &lt; ratio &lt; high. R and p in mm, F in kN, D in m, T and M0 in kNm.
/// </summary>
public sealed class StrokeClassifier(TbmParameters parameters)
{
    public TbmParameters Parameters { get; } = parameters;

    /// <summary>Theoretical cutterhead torque, kNm. tan(α/2)·F/n is the rolling force per cutter, 0.3·D its mean lever arm.</summary>
    public static double TheoreticalTorqueKnm(
        double penetrationMmRev, double thrustKn, int cutterCount, double cutterRadiusMm, double cutterheadDiameterM, double idleTorqueKnm)
    {
        var alpha = Math.Acos((cutterRadiusMm - penetrationMmRev) / cutterRadiusMm);
        var thrustPerCutterKn = thrustKn / cutterCount;
        return 0.3 * Math.Tan(alpha / 2.0) * thrustPerCutterKn * cutterCount * cutterheadDiameterM + idleTorqueKnm;
    }

    public double TheoreticalTorqueKnm(double penetrationMmRev, double thrustKn) => TheoreticalTorqueKnm(
        penetrationMmRev, thrustKn, Parameters.CutterCount, Parameters.CutterRadiusMm, Parameters.CutterheadDiameterM, Parameters.IdleTorqueKnm);

    public double TorqueRatio(double penetrationMmRev, double thrustKn, double torqueKnm) =>
        torqueKnm / TheoreticalTorqueKnm(penetrationMmRev, thrustKn);

    /// <summary>Both band limits are exclusive; a NaN ratio (e.g. p outside (0, 2R)) is exceptional.</summary>
    public AdvanceClass ClassOf(double torqueRatio) =>
        torqueRatio > Parameters.BandLow && torqueRatio < Parameters.BandHigh ? AdvanceClass.Regular : AdvanceClass.Exceptional;

    public StrokeAggregate Classify(double penetrationMmRev, double thrustKn, double torqueKnm, double rpm)
    {
        var ratio = TorqueRatio(penetrationMmRev, thrustKn, torqueKnm);
        return new StrokeAggregate(penetrationMmRev, thrustKn, torqueKnm, rpm, ratio, ClassOf(ratio));
    }
}
