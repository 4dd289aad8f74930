namespace Equipment.Domain.Tbm;

/// <summary>Discs to bring, per position class.</summary>
public sealed record CutterDiscCount(int Centre, int Face, int Gauge)
{
    public int Total => Centre + Face + Gauge;
}
