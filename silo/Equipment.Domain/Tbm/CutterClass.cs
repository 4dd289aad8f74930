namespace Equipment.Domain.Tbm;

/// <summary>Where a disc cutter sits on the head, which decides its wear limit.</summary>
public enum CutterClass
{
    Centre,
    Face,
    Gauge,
}
