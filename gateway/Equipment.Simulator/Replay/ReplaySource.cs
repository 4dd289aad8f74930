using Equipment.Simulator.Core;
using Equipment.Simulator.Tbm;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Replay;

/// <summary>
/// Replays stroke-aggregated data as telemetry: each stroke becomes <see cref="SamplesPerStroke"/>
/// boring samples spread over the time the stroke took at its mean advance rate, then one
/// standstill sample while regripping.
/// </summary>
public sealed class ReplaySource : ITelemetrySource
{
    public const int SamplesPerStroke = 10;
    public const double RegripSeconds = 150;
    public const double ThrustSpread = 0.04;
    public const double TorqueSpread = 0.05;
    public const double PenetrationSpread = 0.06;
    public const double RpmSpread = 0.01;

    private readonly List<(DateTime Time, PointData Point)> _timeline = [];
    private int _next;

    public ReplaySource(ReplayMachine machine, IReadOnlyList<StrokeRecord> strokes, DateTime startUtc, Random random)
    {
        Id = machine.Id;
        var t = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        foreach (var stroke in strokes)
        {
            t = AddStroke(machine, stroke, t, random);
        }
    }

    public string Id { get; }

    public bool IsFinished => _next >= _timeline.Count;

    public int TotalPoints => _timeline.Count;

    public void AdvanceTo(DateTime simulatedTimeUtc, List<PointData> sink)
    {
        while (_next < _timeline.Count && _timeline[_next].Time <= simulatedTimeUtc)
        {
            sink.Add(_timeline[_next++].Point);
        }
    }

    public static TimeSpan StrokeDuration(StrokeRecord s)
    {
        var advanceMmMin = s.PenetrationMean * s.RpmMean;
        var minutes = advanceMmMin > 0 ? (s.ChainageEndM - s.ChainageStartM) * 1000 / advanceMmMin : 30;
        return TimeSpan.FromMinutes(Math.Clamp(minutes, 5, 180));
    }

    private DateTime AddStroke(ReplayMachine machine, StrokeRecord s, DateTime start, Random random)
    {
        const int n = SamplesPerStroke;
        var thrust = StrokeSampleSynthesizer.Synthesize(s.ThrustKnMean, s.ThrustKnMedian, ThrustSpread, n);
        var torque = StrokeSampleSynthesizer.Synthesize(s.TorqueMnmMean * 1000, s.TorqueMnmMedian * 1000, TorqueSpread, n);
        var penetration = StrokeSampleSynthesizer.Synthesize(s.PenetrationMean, s.PenetrationMedian, PenetrationSpread, n);
        var rpm = StrokeSampleSynthesizer.Synthesize(s.RpmMean, s.RpmMedian, RpmSpread, n);

        // One shared shuffle keeps thrust, torque and penetration rising and falling together, as they do.
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);

        var duration = StrokeDuration(s);
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            var time = start + duration * ((k + 0.5) / n);
            var chainage = s.ChainageStartM + (s.ChainageEndM - s.ChainageStartM) * k / (n - 1);
            var point = PointData.Measurement("tbm")
                .Tag("id", machine.Id)
                .Tag("site", ReplayMachine.Site)
                .Field("chainage_m", Math.Round(chainage, 4))
                .Field("stroke", s.Stroke)
                .Field("thrust_kn", thrust[i])
                .Field("torque_knm", torque[i])
                .Field("rpm", rpm[i])
                .Field("penetration_mm_rev", penetration[i])
                .Field("advance_mm_min", Math.Round(penetration[i] * rpm[i], 4))
                .Field("power_kw", Math.Round(CuttingModel.ShaftPowerKw(torque[i], rpm[i]) / 0.95, 2))
                .Field("boring", true)
                .Timestamp(time, WritePrecision.Ms);
            _timeline.Add((time, point));
        }

        var regrip = start + duration + TimeSpan.FromSeconds(RegripSeconds / 2);
        _timeline.Add((regrip, PointData.Measurement("tbm")
            .Tag("id", machine.Id)
            .Tag("site", ReplayMachine.Site)
            .Field("chainage_m", s.ChainageEndM)
            .Field("stroke", s.Stroke)
            .Field("thrust_kn", 0.0)
            .Field("torque_knm", 0.0)
            .Field("rpm", 0.0)
            .Field("penetration_mm_rev", 0.0)
            .Field("advance_mm_min", 0.0)
            .Field("power_kw", 0.0)
            .Field("boring", false)
            .Timestamp(regrip, WritePrecision.Ms)));

        return start + duration + TimeSpan.FromSeconds(RegripSeconds);
    }
}
