namespace Equipment.Simulator.Tbm;

/// <summary>Rock–cutter interaction used by the live TBMs and by the replay's torque ratio.</summary>
public static class CuttingModel
{
    /// <summary>mm/rev per (kN per cutter / MPa): 250 kN per cutter in 150 MPa granite gives ~9 mm/rev.</summary>
    public const double PenetrationCoefficient = 5.5;

    public const double MaxPenetrationMmRev = 16;

    public static double Penetration(double thrustPerCutterKn, double ucsMpa, double coefficient = PenetrationCoefficient) =>
        Math.Clamp(coefficient * thrustPerCutterKn / ucsMpa, 0, MaxPenetrationMmRev);

    /// <summary>ÖNORM B 2203-2 theoretical torque: 0.3·tan(α/2)·F·D + M0, α = acos((R − p)/R).</summary>
    public static double TheoreticalTorqueKnm(double penetrationMmRev, double thrustKn, TbmParameters machine)
    {
        var r = machine.CutterRadiusMm;
        var p = Math.Clamp(penetrationMmRev, 0, r);
        var alpha = Math.Acos((r - p) / r);
        return 0.3 * Math.Tan(alpha / 2) * thrustKn * machine.CutterheadDiameterM + machine.IdleTorqueKnm;
    }

    public static double Torque(double ratio, double penetrationMmRev, double thrustKn, TbmParameters machine) =>
        ratio * TheoreticalTorqueKnm(penetrationMmRev, thrustKn, machine);

    public static double TorqueRatio(double torqueKnm, double penetrationMmRev, double thrustKn, TbmParameters machine) =>
        torqueKnm / TheoreticalTorqueKnm(penetrationMmRev, thrustKn, machine);

    /// <summary>Mechanical power of the cutterhead drive: T·ω with T in kNm gives kW.</summary>
    public static double ShaftPowerKw(double torqueKnm, double rpm) => torqueKnm * 2 * Math.PI * rpm / 60;
}
