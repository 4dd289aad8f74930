namespace Equipment.Domain.Tbm;

/// <summary>
/// Radial wear at which a disc cutter must be changed, per position class, mm. Defaults are typical for 17–19" discs:
/// gauge cutters hold the bore diameter and are changed first, centre cutters (tandem-mounted, high rotation) before
/// the face cutters. Registered per machine (<c>cutterWearLimitMm</c>); these defaults apply only when a registration
/// leaves them out.
/// </summary>
public sealed class CutterWearLimits
{
    public double Centre { get; set; } = 20.0;
    public double Face { get; set; } = 25.0;
    public double Gauge { get; set; } = 15.0;

    public double For(CutterClass cutterClass) => cutterClass switch
    {
        CutterClass.Centre => Centre,
        CutterClass.Gauge => Gauge,
        _ => Face,
    };
}
