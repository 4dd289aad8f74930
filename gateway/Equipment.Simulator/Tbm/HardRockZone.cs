namespace Equipment.Simulator.Tbm;

public sealed record HardRockZone(double StartM, double EndM, double UcsMpa)
{
    public bool Contains(double chainageM) => chainageM >= StartM && chainageM < EndM;
}
