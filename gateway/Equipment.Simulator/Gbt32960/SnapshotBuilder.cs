using Equipment.Simulator.Core;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// What a T-Box reads from the truck's BMS, motor controller and GPS, derived from the truck's physics sample:
/// 96 series cells around pack voltage / 96 (each with its own fixed offset), 32 probes around the pack
/// temperature, insulation resistance, motor speed and torque, and occasional level-3 faults (insulation
/// failure or high-voltage interlock open) besides the level 1–2 alarms the values themselves trigger.
/// It draws from its own random stream, so the truck's physics stay identical to the HTTP path's.
/// </summary>
public sealed class SnapshotBuilder
{
    public const int Cells = 96;
    public const int Probes = 32;
    public const double WheelRadiusM = 0.38;
    public const double GearRatio = 9.0;

    private readonly Random _random;
    private readonly double[] _cellOffsetV = new double[Cells];
    private readonly double[] _probeOffsetC = new double[Probes];
    private readonly double _faultsPerSecond;
    private double _insulationKohm;
    private DateTime? _faultUntil;
    private int _faultBit;
    private DateTime? _firstUtc;

    /// <summary>Cell <see cref="WeakCell"/> sags this much further below the others per simulated hour, mV (capped at 400 mV).</summary>
    public double CellDriftMvPerHour { get; init; }

    public const int WeakCell = 41;

    /// <param name="random">The T-Box's own stream (seeded from the run seed and the truck id).</param>
    /// <param name="meanHoursBetweenFaults">Mean simulated time between level-3 faults; 0 disables them.</param>
    public SnapshotBuilder(Random random, double meanHoursBetweenFaults)
    {
        _random = random;
        _faultsPerSecond = meanHoursBetweenFaults > 0 ? 1 / (meanHoursBetweenFaults * 3600) : 0;
        for (var i = 0; i < Cells; i++)
        {
            _cellOffsetV[i] = random.NextGaussian(0, 0.006);
        }

        for (var i = 0; i < Probes; i++)
        {
            // Probes near the pack's middle run warmer than those at its cooled edges.
            _probeOffsetC[i] = 1.5 - (3.0 * Math.Abs(i - (Probes / 2.0)) / (Probes / 2.0)) + random.NextGaussian(0, 0.4);
        }

        _insulationKohm = random.NextUniform(2_000, 3_000);
    }

    /// <summary>Starts a level-3 fault now (tests and the fault schedule use it).</summary>
    public void StartFault(DateTime nowUtc, TimeSpan duration, int flagBit = GbtAlarmFlag.Insulation)
    {
        _faultUntil = nowUtc + duration;
        _faultBit = flagBit;
    }

    public GbtSnapshot Build(TruckSample s)
    {
        if (_faultUntil is null && _faultsPerSecond > 0 && _random.NextDouble() < _faultsPerSecond)
        {
            StartFault(s.TimeUtc, TimeSpan.FromSeconds(_random.NextUniform(60, 180)),
                _random.NextDouble() < 0.7 ? GbtAlarmFlag.Insulation : GbtAlarmFlag.HighVoltageInterlock);
        }

        var fault = _faultUntil is { } until && s.TimeUtc < until;
        if (!fault)
        {
            _faultUntil = null;
        }

        _insulationKohm = Math.Clamp(_insulationKohm + _random.NextGaussian(0, 5), 1_500, 4_000);
        var insulation = fault && _faultBit == GbtAlarmFlag.Insulation ? 60 + _random.NextUniform(0, 30) : _insulationKohm;

        var cells = new double[Cells];
        var perCell = s.BatteryVoltageV / Cells;
        for (var i = 0; i < Cells; i++)
        {
            cells[i] = perCell + _cellOffsetV[i] + _random.NextGaussian(0, 0.001);
        }

        _firstUtc ??= s.TimeUtc;
        if (CellDriftMvPerHour > 0)
        {
            cells[WeakCell] -= Math.Min(400, CellDriftMvPerHour * (s.TimeUtc - _firstUtc.Value).TotalHours) / 1000;
        }

        var probes = new int[Probes];
        for (var i = 0; i < Probes; i++)
        {
            probes[i] = (int)Math.Round(s.BatteryTempC + _probeOffsetC[i]);
        }

        uint flags = 0;
        byte level = 0;
        if (s.SocPct < 15)
        {
            flags |= 1u << GbtAlarmFlag.SocLow;
            level = 1;
        }

        if (probes.Max() - probes.Min() > 8)
        {
            flags |= 1u << GbtAlarmFlag.TemperatureDifference;
            level = Math.Max(level, (byte)1);
        }

        if (s.BatteryTempC > 55)
        {
            flags |= 1u << GbtAlarmFlag.BatteryHighTemperature;
            level = 2;
        }

        if (fault)
        {
            flags |= 1u << _faultBit;
            level = 3;
        }

        var omega = s.SpeedKmh / 3.6 / WheelRadiusM * GearRatio;
        var rpm = omega * 60 / (2 * Math.PI);
        var torque = omega > 1 ? s.PowerKw * 1000 / omega : 0;
        return new GbtSnapshot
        {
            TimeUtc = s.TimeUtc,
            VehicleState = s.Ignition && !s.Charging ? (byte)1 : (byte)2,
            ChargingState = s.Charging ? (byte)1 : (byte)3,
            SpeedKmh = s.SpeedKmh,
            OdometerKm = s.OdometerKm,
            TotalVoltageV = s.BatteryVoltageV,
            TotalCurrentA = s.BatteryCurrentA,
            SocPct = s.SocPct,
            Gear = s.Charging ? (byte)0x0F : (byte)(0x0E | (s.PowerKw > 0.5 ? 0x20 : 0) | (s.PowerKw < -0.5 ? 0x10 : 0)),
            InsulationKohm = insulation,
            AcceleratorPct = s.PowerKw > 0 ? Math.Min(100, s.PowerKw / 130 * 100) : 0,
            BrakePct = s.PowerKw < 0 ? Math.Min(100, -s.PowerKw / 27 * 100) : 0,
            MotorPresent = !s.Charging,
            MotorState = s.PowerKw > 0.5 ? (byte)1 : s.PowerKw < -0.5 ? (byte)2 : (byte)4,
            MotorControllerTempC = s.InverterTempC,
            MotorRpm = rpm,
            MotorTorqueNm = torque,
            MotorTempC = s.MotorTempC,
            MotorControllerVoltageV = s.BatteryVoltageV,
            MotorControllerCurrentA = s.BatteryCurrentA,
            Latitude = s.Lat,
            Longitude = s.Lon,
            CellVoltagesV = cells,
            ProbeTempsC = probes,
            AlarmLevel = level,
            AlarmFlags = flags,
            BatteryFaultCodes = fault ? [0x0100_0000u | (uint)_faultBit] : [],
        };
    }
}
