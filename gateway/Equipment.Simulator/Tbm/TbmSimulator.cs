using Equipment.Simulator.Core;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Tbm;

/// <summary>
/// A hard-rock gripper TBM: strokes of 1.7–1.8 m with regripping between them, scheduled stops,
/// thermal lag of the oils and bearing, cutter wear with inspections, and the anomalies the
/// platform must alert on (thrust per cutter over rating in hard-rock zones, gear-oil overheating
/// after a cooling fault, a jammed cutterhead). Machines with <see cref="TbmParameters.Delays"/> (mining TBMs) also wait
/// for haulage, rock support and cutter changes; the shift plan runs on the site's time zone.
/// </summary>
public sealed class TbmSimulator : SteppedSource
{
    public const double StrokeMinM = 1.7;
    public const double StrokeMaxM = 1.8;
    public const double JamsPerBoringHour = 1.0 / 10;
    public const double CoolingFaultsPerHour = 1.0 / 30;
    public const double CoolingFaultExtraC = 35;

    /// <summary>Ventilated heading air at ~1,000 m cover (virgin rock ~40 °C).</summary>
    public const double HeadingTemperatureC = 30;

    /// <summary>Share of regular strokes; the rest get a torque ratio outside the machine's band.</summary>
    public const double RegularStrokeShare = 0.85;

    private readonly Random _random;
    private readonly RockMass _rock;
    private readonly CutterSet _cutters;
    private readonly double _auxPowerKw;
    private readonly TimeZoneInfo _siteZone;
    private readonly Queue<(TbmPhase Phase, double LengthS)> _delays = new();
    private readonly Dictionary<TbmPhase, double> _phaseSeconds = [];
    private double _pendingCutterChangeS;
    private double _strokeRpm;

    private TbmPhase _phase = TbmPhase.Boring;
    private double _phaseElapsedS;
    private double _phaseLengthS;
    private double _chainageM;
    private long _stroke;
    private double _strokeStartM;
    private double _strokeLengthM;
    private double _strokeRatio;
    private double _strokeThrustFactor;
    private HardRockZone? _currentZone;
    private double _zoneThrustFactor;
    private double _coolingFaultRemainingS;
    private double _torqueBeforeJam;
    private double _jamTorqueKnm;
    private DateTime? _lastInspectedStop;
    private DateTime? _lastWearReading;
    private readonly Random _sensorRandom;
    private double _gearOilC;
    private double _mainBearingC;
    private double _hydraulicOilC;

    public TbmSimulator(
        string id, string site, TbmParameters machine, DateTime startUtc, double rateHz, Random random, double startChainageM)
        : base(id, startUtc, rateHz)
    {
        Site = site;
        Machine = machine;
        _random = random;
        _rock = new RockMass(random, startChainageM);
        _cutters = new CutterSet(machine, random);

        // Its own stream (seeded from the id) so the sensor noise leaves every other simulated value as it was.
        _sensorRandom = new Random(StableSeed(id));
        _auxPowerKw = machine.RatedPowerKw * 0.08;
        _siteZone = machine.TimeZone;
        _stroke = (long)(startChainageM / 1.75);
        _strokeStartM = startChainageM - random.NextUniform(0, StrokeMinM);
        _chainageM = startChainageM;
        NewStroke(keepStart: true);
        _gearOilC = HeadingTemperatureC + 20;
        _mainBearingC = HeadingTemperatureC + 15;
        _hydraulicOilC = HeadingTemperatureC + 18;
    }

    public string Site { get; }

    public TbmParameters Machine { get; }

    public TbmPhase Phase => _phase;

    public double ChainageM => _chainageM;

    public RockMass Rock => _rock;

    /// <summary>Simulated seconds spent in each phase (what utilisation and delays are measured from).</summary>
    public IReadOnlyDictionary<TbmPhase, double> PhaseSeconds => _phaseSeconds;

    public CutterSet Cutters => _cutters;

    protected override void Step(DateTime timeUtc, double dt, List<PointData> sink)
    {
        var stop = ShiftSchedule.StopStartAt(timeUtc, _siteZone);
        if (stop is not null)
        {
            if (_lastInspectedStop != stop)
            {
                _lastInspectedStop = stop;
                EmitInspection(timeUtc, sink);
            }

            // A stroke interrupted by the shift plan resumes afterwards; a jam is cleared in the stop.
            _phase = TbmPhase.ScheduledStop;
        }
        else if (_phase == TbmPhase.ScheduledStop)
        {
            // Cutters found worn at the stop's inspection are changed first; beyond what the stop had time for.
            _phase = TbmPhase.Boring;
            if (_pendingCutterChangeS > 0)
            {
                EnterPhase(TbmPhase.CutterChange, _pendingCutterChangeS);
                _pendingCutterChangeS = 0;
            }
        }

        _phaseSeconds[_phase] = _phaseSeconds.GetValueOrDefault(_phase) + dt;

        UpdateCoolingFault(dt);

        var s = _phase switch
        {
            TbmPhase.Boring => Bore(dt),
            TbmPhase.Jammed => Jam(dt),
            TbmPhase.Regripping => Regrip(dt),
            _ => Standstill(dt),
        };

        UpdateTemperatures(s, dt);
        sink.Add(ToPoint(timeUtc, s));

        if (Machine.WearSensorIntervalS > 0 && _phase == TbmPhase.Boring
            && (_lastWearReading is not { } last || (timeUtc - last).TotalSeconds >= Machine.WearSensorIntervalS))
        {
            _lastWearReading = timeUtc;
            foreach (var reading in _cutters.Read(_sensorRandom))
            {
                sink.Add(CutterPoint(timeUtc, reading.Position, reading.MeasuredWearMm, false));
            }
        }
    }

    private static int StableSeed(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }

    private TbmSample Bore(double dt)
    {
        var zone = _rock.ZoneAt(_chainageM);
        if (zone != _currentZone)
        {
            _currentZone = zone;

            // Operators push beyond the cutter rating to keep advancing through hard ground.
            _zoneThrustFactor = _random.NextUniform(1.04, 1.12);
        }

        var ucs = zone?.UcsMpa ?? _rock.BackgroundUcs(_chainageM);
        var thrustFactor = zone is null ? _strokeThrustFactor : _zoneThrustFactor;
        var perCutter = Machine.RatedCutterLoadKn * thrustFactor * (1 + _random.NextGaussian(0, 0.025));
        var thrust = perCutter * Machine.CutterCount;
        var rpm = _strokeRpm * (1 + _random.NextGaussian(0, 0.01));
        var penetration = CuttingModel.Penetration(perCutter, ucs, Machine.PenetrationCoefficient) * (1 + _random.NextGaussian(0, 0.05));
        var ratio = _strokeRatio + _random.NextGaussian(0, 0.015);
        var torque = Math.Min(CuttingModel.Torque(ratio, penetration, thrust, Machine), Machine.RatedTorqueKnm);
        var advance = penetration * rpm;

        _chainageM += advance * dt / 60_000;
        _cutters.Roll(rpm, dt, ucs);

        var sample = new TbmSample(true, thrust, torque, rpm, penetration, advance, GripperForThrust(thrust));
        var jamRate = JamsPerBoringHour * (zone is null ? 1 : 3);
        if (_random.NextChance(jamRate * dt / 3600))
        {
            EnterPhase(TbmPhase.Jammed, _random.NextUniform(60, 150));
            _torqueBeforeJam = torque;
            _jamTorqueKnm = Machine.RatedTorqueKnm * _random.NextUniform(0.93, 1.0);
        }
        else if (_chainageM - _strokeStartM >= _strokeLengthM)
        {
            EnterPhase(TbmPhase.Regripping, _random.NextUniform(110, 180));
        }

        return sample;
    }

    private TbmSample Jam(double dt)
    {
        _phaseElapsedS += dt;

        // The head stalls within ~20 s while the drive's torque climbs to its limit.
        var rpm = _strokeRpm * Math.Max(0, 1 - _phaseElapsedS / 20);
        var rise = Math.Min(1, _phaseElapsedS / 10);
        var torque = _torqueBeforeJam + (_jamTorqueKnm - _torqueBeforeJam) * rise + _random.NextGaussian(0, 20);
        var thrust = _strokeThrustFactor * Machine.RatedThrustKn * (1 + _random.NextGaussian(0, 0.02));
        if (_phaseElapsedS >= _phaseLengthS)
        {
            // Backing off, freeing the head and restarting takes several minutes.
            EnterPhase(TbmPhase.JamRecovery, _random.NextUniform(300, 600));
        }

        return new TbmSample(true, thrust, Math.Min(torque, Machine.RatedTorqueKnm * 1.02), rpm, 0, 0, GripperForThrust(thrust));
    }

    private TbmSample Regrip(double dt)
    {
        _phaseElapsedS += dt;
        var retracted = _phaseElapsedS < 0.4 * _phaseLengthS;
        var gripper = retracted ? 5 + _random.NextGaussian(0, 1) : 150 + _random.NextGaussian(0, 3);
        if (_phaseElapsedS >= _phaseLengthS)
        {
            _stroke++;
            NewStroke(keepStart: false);
            _phase = TbmPhase.Boring;
            QueueDelays();
            NextDelayOrBore();
        }

        return new TbmSample(false, 0, 0, 0, 0, 0, gripper);
    }

    private TbmSample Standstill(double dt)
    {
        if (_phase is TbmPhase.JamRecovery or TbmPhase.Haulage or TbmPhase.RockSupport or TbmPhase.CutterChange)
        {
            _phaseElapsedS += dt;
            if (_phaseElapsedS >= _phaseLengthS)
            {
                _phase = TbmPhase.Boring;
                NextDelayOrBore();
            }
        }

        return new TbmSample(false, 0, 0, 0, 0, 0, 150 + _random.NextGaussian(0, 3));
    }

    private void QueueDelays()
    {
        var d = Machine.Delays;
        if (d.SupportChance > 0 && _random.NextChance(d.SupportChance))
        {
            _delays.Enqueue((TbmPhase.RockSupport, _random.NextUniform(d.SupportMinS, d.SupportMaxS)));
        }

        if (d.HaulageMaxS > 0)
        {
            _delays.Enqueue((TbmPhase.Haulage, _random.NextUniform(d.HaulageMinS, d.HaulageMaxS)));
        }
    }

    private void NextDelayOrBore()
    {
        if (_delays.TryDequeue(out var next))
        {
            EnterPhase(next.Phase, next.LengthS);
        }
    }

    private void NewStroke(bool keepStart)
    {
        if (!keepStart)
        {
            _strokeStartM = _chainageM;
        }

        _strokeLengthM = _random.NextUniform(StrokeMinM, StrokeMaxM);
        _strokeRpm = Machine.RpmSpread > 0
            ? Machine.NominalRpm * _random.NextUniform(1 - Machine.RpmSpread, 1 + Machine.RpmSpread)
            : Machine.NominalRpm;
        _strokeThrustFactor = _random.NextUniform(0.70, 0.86);
        var lo = Machine.TorqueRatioLow;
        var hi = Machine.TorqueRatioHigh;
        if (_random.NextChance(RegularStrokeShare))
        {
            var margin = Math.Min(0.02, (hi - lo) / 4);
            _strokeRatio = _random.NextUniform(lo + margin, hi - margin);
        }
        else
        {
            _strokeRatio = _random.NextChance(0.5) ? lo - _random.NextUniform(0.04, 0.10) : hi + _random.NextUniform(0.04, 0.12);
        }
    }

    private void EnterPhase(TbmPhase phase, double lengthS)
    {
        _phase = phase;
        _phaseElapsedS = 0;
        _phaseLengthS = lengthS;
    }

    private void UpdateCoolingFault(double dt)
    {
        if (_coolingFaultRemainingS > 0)
        {
            _coolingFaultRemainingS -= dt;
        }
        else if (_random.NextChance(CoolingFaultsPerHour * dt / 3600))
        {
            _coolingFaultRemainingS = _random.NextUniform(2, 4) * 3600;
        }
    }

    private void UpdateTemperatures(TbmSample s, double dt)
    {
        var load = CuttingModel.ShaftPowerKw(s.TorqueKnm, s.Rpm) / Machine.RatedPowerKw;
        var thrust = s.ThrustKn / Machine.RatedThrustKn;
        var fault = _coolingFaultRemainingS > 0 ? CoolingFaultExtraC : 0;
        _gearOilC = Lag(_gearOilC, HeadingTemperatureC + 10 + 40 * load + fault, 1200, dt);
        _mainBearingC = Lag(_mainBearingC, HeadingTemperatureC + 6 + 30 * thrust, 2400, dt);
        var regrip = _phase == TbmPhase.Regripping ? 8 : 0;
        _hydraulicOilC = Lag(_hydraulicOilC, HeadingTemperatureC + 10 + 18 * thrust + regrip, 1800, dt);
    }

    private static double Lag(double value, double target, double timeConstantS, double dt) =>
        value + (target - value) * (1 - Math.Exp(-dt / timeConstantS));

    private double GripperForThrust(double thrustKn) =>
        150 + 200 * thrustKn / Machine.RatedThrustKn + _random.NextGaussian(0, 3);

    private void EmitInspection(DateTime timeUtc, List<PointData> sink)
    {
        foreach (var cutter in _cutters.Inspect(_random))
        {
            sink.Add(CutterPoint(timeUtc, cutter.Position, cutter.MeasuredWearMm, false));
            if (cutter.Replaced)
            {
                _pendingCutterChangeS += Machine.Delays.CutterChangePerCutterS;

                // One second later: the same timestamp and tags would overwrite the measurement.
                sink.Add(CutterPoint(timeUtc.AddSeconds(1), cutter.Position, 0, true));
            }
        }
    }

    private PointData CutterPoint(DateTime timeUtc, int position, double wearMm, bool replaced) =>
        PointData.Measurement("tbm_cutter")
            .Tag("id", Id)
            .Tag("position", position.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Field("wear_mm", wearMm)
            .Field("replaced", replaced)
            .Timestamp(timeUtc, WritePrecision.Ms);

    private PointData ToPoint(DateTime timeUtc, TbmSample s)
    {
        var power = s.Boring ? CuttingModel.ShaftPowerKw(s.TorqueKnm, s.Rpm) / 0.95 + _auxPowerKw : _auxPowerKw * 0.6;
        power *= 1 + _random.NextGaussian(0, 0.01);
        var point = PointData.Measurement("tbm")
            .Tag("id", Id)
            .Tag("site", Site)
            .Field("chainage_m", Math.Round(_chainageM, 3))
            .Field("stroke", _stroke)
            .Field("thrust_kn", Math.Round(s.ThrustKn, 1))
            .Field("torque_knm", Math.Round(Math.Max(0, s.TorqueKnm), 1))
            .Field("rpm", Math.Round(s.Rpm, 3))
            .Field("penetration_mm_rev", Math.Round(Math.Max(0, s.PenetrationMmRev), 3))
            .Field("advance_mm_min", Math.Round(Math.Max(0, s.AdvanceMmMin), 2))
            .Field("gripper_pressure_bar", Math.Round(Math.Max(0, s.GripperBar), 1))
            .Field("main_bearing_temp_c", Math.Round(_mainBearingC + _random.NextGaussian(0, 0.1), 2))
            .Field("gear_oil_temp_c", Math.Round(_gearOilC + _random.NextGaussian(0, 0.1), 2))
            .Field("hydraulic_oil_temp_c", Math.Round(_hydraulicOilC + _random.NextGaussian(0, 0.1), 2))
            .Field("power_kw", Math.Round(power, 1))
            .Field("boring", s.Boring)
            .Timestamp(timeUtc, WritePrecision.Ms);
        return !s.Boring && StopReasonCode() is { } code ? point.Field("stop_reason", code) : point;
    }

    /// <summary>
    /// The <c>stop_reason</c> code a mining TBM's PLC logs while it stands (README, "Stop reasons"): only machines with
    /// delays (the mine's operators key them in); regrips are left for the platform to recognise between strokes.
    /// </summary>
    private int? StopReasonCode() => Machine.Delays == TbmDelays.None ? null : _phase switch
    {
        TbmPhase.CutterChange => 1,
        TbmPhase.RockSupport => 2,
        TbmPhase.Haulage => 3,
        TbmPhase.ScheduledStop => 4,
        TbmPhase.Jammed or TbmPhase.JamRecovery => 5,
        _ => null,
    };
}
