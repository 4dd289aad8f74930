namespace Equipment.Simulator.Tbm;

/// <summary>
/// Machine data. The first five are the published parameters of the shared TBMs (registry contract);
/// the ratings are this simulator's assumptions for 19" disc cutters and a hard-rock main drive.
/// </summary>
public sealed record TbmParameters(
    string Template,
    int CutterCount,
    double CutterRadiusMm,
    double CutterheadDiameterM,
    double IdleTorqueKnm,
    double TorqueRatioLow,
    double TorqueRatioHigh,
    double NominalRpm,
    double RatedCutterLoadKn,
    double RatedTorqueKnm,
    double RatedPowerKw)
{
    public static TbmParameters A { get; } = new("A", 50, 241.3, 7, 180, 0.35, 0.57, 6, 315, 4500, 2500);
    public static TbmParameters B { get; } = new("B", 70, 241.3, 10, 400, 0.45, 0.57, 5, 315, 9000, 4200);
    public static TbmParameters C { get; } = new("C", 60, 241.3, 9, 220, 0.53, 0.63, 5, 315, 7500, 3500);

    public double RatedThrustKn => RatedCutterLoadKn * CutterCount;
}
