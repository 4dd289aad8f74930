using Equipment.Simulator.Core;

namespace Equipment.Simulator.Tbm;

/// <summary>
/// Granite at ~1,000 m cover: UCS wandering between 100 and 200 MPa along the chainage, with
/// occasional hard-rock zones (dykes, unweathered intrusions) of 210–260 MPa, tens of metres long.
/// Zones are generated ahead of the face on demand so the rock depends only on the seed.
/// </summary>
public sealed class RockMass
{
    public const double MinUcsMpa = 100;
    public const double MaxUcsMpa = 200;

    private readonly Random _random;
    private readonly double _phase1;
    private readonly double _phase2;
    private readonly double _phase3;
    private readonly List<HardRockZone> _zones = [];
    private double _generatedUntilM;

    public RockMass(Random random, double startChainageM)
    {
        _random = random;
        _phase1 = random.NextUniform(0, 2 * Math.PI);
        _phase2 = random.NextUniform(0, 2 * Math.PI);
        _phase3 = random.NextUniform(0, 2 * Math.PI);
        _generatedUntilM = startChainageM + random.NextUniform(5, 40);
    }

    public IReadOnlyList<HardRockZone> Zones => _zones;

    public double BackgroundUcs(double chainageM)
    {
        var x = chainageM;
        var ucs = 150
            + 32 * Math.Sin(2 * Math.PI * x / 211 + _phase1)
            + 14 * Math.Sin(2 * Math.PI * x / 47 + _phase2)
            + 6 * Math.Sin(2 * Math.PI * x / 9.3 + _phase3);
        return Math.Clamp(ucs, MinUcsMpa, MaxUcsMpa);
    }

    public HardRockZone? ZoneAt(double chainageM)
    {
        while (_generatedUntilM <= chainageM + 50)
        {
            var length = _random.NextUniform(8, 30);
            _zones.Add(new HardRockZone(_generatedUntilM, _generatedUntilM + length, _random.NextUniform(210, 260)));
            _generatedUntilM += length + _random.NextUniform(60, 180);
        }

        for (var i = _zones.Count - 1; i >= 0; i--)
        {
            if (_zones[i].Contains(chainageM))
            {
                return _zones[i];
            }

            if (_zones[i].EndM < chainageM)
            {
                break;
            }
        }

        return null;
    }

    public double UcsAt(double chainageM) => ZoneAt(chainageM)?.UcsMpa ?? BackgroundUcs(chainageM);
}
