namespace Equipment.Domain.Tbm;

/// <summary>
/// How cutter positions map to classes: positions 1 … <see cref="CentreCount"/> are centre cutters, the last
/// <see cref="GaugeCount"/> positions (up to n) are gauge cutters, the rest face cutters (position 1 innermost, as in
/// <see cref="TbmFormulas.CutterPositionRadiusM"/>).
/// </summary>
public sealed class CutterClassLayout
{
    public int CentreCount { get; set; } = 4;
    public int GaugeCount { get; set; } = 8;

    public CutterClass ClassOf(int position, int cutterCount) =>
        position <= CentreCount ? CutterClass.Centre
        : position > cutterCount - GaugeCount ? CutterClass.Gauge
        : CutterClass.Face;
}
