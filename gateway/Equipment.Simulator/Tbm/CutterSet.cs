using Equipment.Simulator.Core;

namespace Equipment.Simulator.Tbm;

/// <summary>
/// Disc-cutter wear. Face cutters are spaced evenly along the radius, so position i rolls on radius
/// (D/2)·i/n and the gauge cutters (high i) wear fastest. Wear grows with rolling distance and rock
/// strength; a cutter is changed at inspection once it reaches its class's wear limit
/// (<see cref="TbmParameters.WearLimitMmAt"/>, the same limits the machine is registered with).
/// </summary>
public sealed class CutterSet
{

    /// <summary>mm per km rolled in 150 MPa granite: a gauge cutter of a 7 m head lasts ~60 boring hours.</summary>
    public const double WearPerKmMm = 0.03;

    /// <summary>
    /// Wear factor of a blocked or flat disc: it slides instead of rolling and wears several times as fast as its
    /// neighbours (what the platform's abnormal-wear flag looks for). Kept after a change: the fault is in the mount.
    /// </summary>
    public const double BlockedWearFactor = 3.0;

    private readonly double[] _wearMm;
    private readonly double[] _radiusM;
    private readonly double[] _wearFactor;
    private readonly double[] _limitMm;

    public CutterSet(TbmParameters machine, Random random)
    {
        var n = machine.CutterCount;
        _wearMm = new double[n];
        _radiusM = new double[n];
        _wearFactor = new double[n];
        _limitMm = new double[n];
        for (var i = 0; i < n; i++)
        {
            _radiusM[i] = machine.CutterheadDiameterM / 2 * (i + 1) / n;
            _wearFactor[i] = random.NextUniform(0.8, 1.2);
            _limitMm[i] = machine.WearLimitMmAt(i + 1);

            // Heads in service carry cutters of every age.
            _wearMm[i] = random.NextUniform(0, 0.87 * _limitMm[i]);
        }

        // Fixed positions, not drawn, so the random stream (and every other simulated value) is unchanged.
        BlockedPositions = BlockedFacePositions(machine);
        foreach (var position in BlockedPositions)
        {
            _wearFactor[position - 1] *= BlockedWearFactor;
        }
    }

    /// <summary>Face positions wearing abnormally: at 45 % and 75 % along the face cutters (31 cutters: 14 and 20).</summary>
    public IReadOnlyList<int> BlockedPositions { get; }

    private static int[] BlockedFacePositions(TbmParameters machine)
    {
        var face = Enumerable.Range(machine.CentreCutters + 1, Math.Max(0, machine.CutterCount - machine.CentreCutters - machine.GaugeCutters)).ToList();
        return face.Count < 8 ? [] : [face[(int)(0.45 * face.Count)], face[(int)(0.75 * face.Count)]];
    }

    public int Count => _wearMm.Length;

    public double WearMm(int position) => _wearMm[position - 1];

    public double RadiusM(int position) => _radiusM[position - 1];

    public double LimitMm(int position) => _limitMm[position - 1];

    public void Roll(double rpm, double dtSeconds, double ucsMpa)
    {
        var revolutions = rpm * dtSeconds / 60;
        for (var i = 0; i < _wearMm.Length; i++)
        {
            var rolledKm = 2 * Math.PI * _radiusM[i] * revolutions / 1000;
            _wearMm[i] += WearPerKmMm * rolledKm * (ucsMpa / 150) * _wearFactor[i];
        }
    }

    /// <summary>Wear-sensor readings of every position (online disc monitoring: ±0.05 mm, no change made).</summary>
    public IEnumerable<CutterInspection> Read(Random random) =>
        Enumerable.Range(0, _wearMm.Length).Select(i => new CutterInspection(i + 1, Math.Round(Math.Max(0, _wearMm[i] + random.NextGaussian(0, 0.05)), 2), false));

    /// <summary>Measures every position and replaces the worn-out ones.</summary>
    public IReadOnlyList<CutterInspection> Inspect(Random random)
    {
        var result = new List<CutterInspection>(_wearMm.Length);
        for (var i = 0; i < _wearMm.Length; i++)
        {
            // Gauge readings are taken to 0.1 mm and scatter a little.
            var measured = Math.Round(Math.Max(0, _wearMm[i] + random.NextGaussian(0, 0.15)), 1);
            var replace = _wearMm[i] >= _limitMm[i];
            result.Add(new CutterInspection(i + 1, measured, replace));
            if (replace)
            {
                _wearMm[i] = 0;
            }
        }

        return result;
    }
}
