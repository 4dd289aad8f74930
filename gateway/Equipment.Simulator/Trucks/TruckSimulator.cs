using Equipment.Simulator.Core;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Trucks;

/// <summary>
/// A battery-electric truck shuttling along the route: speed slowed by steep grades and by the
/// motor's power limit, energy from grade, rolling and aerodynamic forces, regeneration on
/// descents, charging at towns when the next leg would eat into the reserve, and pack, motor and
/// inverter temperatures that follow the cold, thin air at altitude.
/// </summary>
public sealed class TruckSimulator : SteppedSource
{
    public const double ReserveSocPct = 15;
    public const double ChargeTargetSocPct = 95;

    /// <summary>Below this the truck stops at the next roadside charger (service areas along the G318 have them).</summary>
    public const double RoadsideChargeSocPct = 12;

    /// <summary>Planning figure for a level leg at cruising speed incl. auxiliaries and heating, kWh/km.</summary>
    public const double PlanningKwhPerKm = 0.35;

    public const double GpsNoiseDeg = 2.5e-5;

    private readonly VehicleParameters _v;
    private readonly RouteProfile _route;
    private readonly RouteGeometry _geometry;
    private readonly Random _random;
    private readonly double _bumpPhase1;
    private readonly double _bumpPhase2;

    private TruckPhase _phase = TruckPhase.Driving;
    private double _km;
    private int _direction;
    private double _odometerKm;
    private double _speedMs;
    private double _speedJitterKmh;
    private double _socPct;
    private double _batteryC;
    private double _motorC;
    private double _inverterC;
    private double _brakePadMm;

    public TruckSimulator(
        string id,
        string fleet,
        VehicleParameters vehicle,
        RouteProfile route,
        RouteGeometry geometry,
        DateTime startUtc,
        double rateHz,
        Random random,
        double startKm,
        int direction,
        double startSocPct)
        : base(id, startUtc, rateHz)
    {
        Fleet = fleet;
        _v = vehicle;
        _route = route;
        _geometry = geometry;
        _random = random;
        _bumpPhase1 = random.NextUniform(0, 2 * Math.PI);
        _bumpPhase2 = random.NextUniform(0, 2 * Math.PI);
        _km = Math.Clamp(startKm, 0, route.TotalKm);
        _direction = direction >= 0 ? 1 : -1;
        _odometerKm = Math.Round(random.NextUniform(5_000, 40_000), 1);
        RouteStartOdometerKm = _odometerKm - (_direction * _km);
        _socPct = startSocPct;
        var ambient = Atmosphere.AmbientTemperatureC(AltitudeAt(_km), startUtc);
        _batteryC = ambient + random.NextUniform(3, 8);
        _motorC = ambient + 10;
        _inverterC = ambient + 5;
        _brakePadMm = vehicle.BrakePadNewMm - random.NextUniform(0, 4);
    }

    public string Fleet { get; }

    /// <summary>What the odometer read at route km 0, so the platform can place the truck on the route by odometer.</summary>
    public double RouteStartOdometerKm { get; }

    public TruckPhase Phase => _phase;

    public double RouteKm => _km;

    public double SocPct => _socPct;

    public double BrakePadMm => _brakePadMm;

    /// <summary>
    /// When set, every sample goes here instead of becoming a <c>truck</c> point: a T-Box encodes it as
    /// GB/T 32960 frames (the physics and the random draws stay exactly the same).
    /// </summary>
    public Action<TruckSample>? SampleSink { get; set; }

    /// <summary>Profile altitude plus metre-scale undulations, so grade carries small noise yet energy stays consistent with altitude.</summary>
    public double AltitudeAt(double km) =>
        _route.AltitudeAt(km) + 5 * Math.Sin(2 * Math.PI * km / 3.1 + _bumpPhase1) + 2 * Math.Sin(2 * Math.PI * km / 1.3 + _bumpPhase2);

    private double GradeAt(double km) =>
        _route.GradeAt(km)
        + (5 * 2 * Math.PI / 3100 * Math.Cos(2 * Math.PI * km / 3.1 + _bumpPhase1))
        + (2 * 2 * Math.PI / 1300 * Math.Cos(2 * Math.PI * km / 1.3 + _bumpPhase2));

    protected override void Step(DateTime timeUtc, double dt, List<PointData> sink)
    {
        var altitude = AltitudeAt(_km);
        var ambient = Atmosphere.AmbientTemperatureC(altitude, timeUtc);
        var density = Atmosphere.AirDensity(altitude);
        double tractionW = 0;
        double batteryW;

        if (_phase == TruckPhase.Charging)
        {
            _speedMs = 0;
            batteryW = -_v.ChargerKw * 1000;
            if (_socPct >= ChargeTargetSocPct)
            {
                _phase = TruckPhase.Driving;
            }
        }
        else
        {
            var grade = _direction * GradeAt(_km);
            var target = TargetSpeedMs(grade, altitude, dt);
            var acceleration = Math.Clamp((target - _speedMs) / 15, -1, 1);
            _speedMs = Math.Max(0, _speedMs + acceleration * dt);
            var wheelW = TractionModel.WheelPowerW(_v, _speedMs, grade, altitude, acceleration);
            (tractionW, var frictionW) = TractionModel.Split(_v, wheelW);
            _brakePadMm = Math.Max(0, _brakePadMm - frictionW * dt / 3.6e6 * _v.BrakeWearMmPerKwh);
            var heaterW = ambient < 5 ? 2000 : 0;
            batteryW = tractionW + _v.AuxiliaryKw * 1000 + heaterW;
            Move(_speedMs * dt / 1000);
        }

        _socPct = Math.Clamp(_socPct - batteryW * dt / 3.6e6 / _v.BatteryKwh * 100, 0, 100);
        if (_phase == TruckPhase.Driving && _socPct < RoadsideChargeSocPct)
        {
            // Some legs (Kangding → Litang: 286 km and 2,200 m of climbing) exceed one charge; the
            // profile lists only major towns, so the service-area chargers between them are implied here.
            _phase = TruckPhase.Charging;
        }

        var ocv = _v.OpenCircuitEmptyV + (_v.OpenCircuitFullV - _v.OpenCircuitEmptyV) * _socPct / 100;
        var current = PackCurrent(ocv, batteryW);
        var voltage = ocv - current * _v.PackResistanceOhm;
        UpdateTemperatures(ambient, density, current, tractionW, dt);

        var (lat, lon) = _geometry.PositionAt(_km);
        var sample = new TruckSample(
            timeUtc,
            _phase == TruckPhase.Charging,
            Math.Round(_odometerKm, 3),
            Math.Round(lat + _random.NextGaussian(0, GpsNoiseDeg), 6),
            Math.Round(lon + _random.NextGaussian(0, GpsNoiseDeg), 6),
            Math.Round(AltitudeAt(_km), 1),
            Math.Round(_speedMs * 3.6, 2),
            Math.Round(_socPct, 3),
            Math.Round(_batteryC, 2),
            Math.Round(_motorC, 2),
            Math.Round(_inverterC, 2),
            Math.Round(ambient, 2),
            Math.Round(voltage, 2),
            Math.Round(current, 2),
            Math.Round(tractionW / 1000, 3),
            Math.Round(_brakePadMm, 4));
        if (SampleSink is { } samples)
        {
            samples(sample);
            return;
        }

        sink.Add(PointData.Measurement("truck")
            .Tag("id", Id)
            .Tag("fleet", Fleet)
            .Field("odometer_km", sample.OdometerKm)
            .Field("lat", sample.Lat)
            .Field("lon", sample.Lon)
            .Field("altitude_m", sample.AltitudeM)
            .Field("speed_kmh", sample.SpeedKmh)
            .Field("soc_pct", sample.SocPct)
            .Field("battery_temp_c", sample.BatteryTempC)
            .Field("motor_temp_c", sample.MotorTempC)
            .Field("inverter_temp_c", sample.InverterTempC)
            .Field("ambient_temp_c", sample.AmbientTempC)
            .Field("battery_voltage_v", sample.BatteryVoltageV)
            .Field("battery_current_a", sample.BatteryCurrentA)
            .Field("power_kw", sample.PowerKw)
            .Field("brake_pad_mm", sample.BrakePadMm)
            .Timestamp(timeUtc, WritePrecision.Ms));
    }

    private double TargetSpeedMs(double grade, double altitude, double dt)
    {
        _speedJitterKmh = _speedJitterKmh * Math.Exp(-dt / 30) + _random.NextGaussian(0, 0.6 * Math.Sqrt(dt / 30));
        var kmh = Math.Clamp(_v.CruiseKmh - 450 * Math.Abs(grade), 25, _v.CruiseKmh) + _speedJitterKmh;
        var v = Math.Max(5, kmh / 3.6);

        // On long climbs the motor's power limit, not the driver, sets the speed.
        var maxWheelW = _v.MaxTractionKw * 1000 * _v.DrivetrainEfficiency;
        for (var i = 0; i < 2; i++)
        {
            var resisting = TractionModel.RollingForceN(_v, grade) + TractionModel.GradeForceN(_v, grade) + TractionModel.DragForceN(_v, v, altitude);
            if (resisting * v > maxWheelW)
            {
                v = maxWheelW / resisting;
            }
        }

        return v;
    }

    private void Move(double distanceKm)
    {
        var before = _km;
        _km += _direction * distanceKm;
        _odometerKm += distanceKm;

        if (_km >= _route.TotalKm || _km <= 0)
        {
            _km = Math.Clamp(_km, 0, _route.TotalKm);
            _direction = -_direction;

            // End of the road: top up for the way back whenever it is worth the stop.
            if (_socPct < 80)
            {
                _phase = TruckPhase.Charging;
            }

            return;
        }

        var passed = _route.Waypoints.FirstOrDefault(w =>
            w.IsTown && (_direction > 0 ? before < w.Km && _km >= w.Km : before > w.Km && _km <= w.Km));
        if (passed is not null && NeedsCharge(passed.Km))
        {
            _phase = TruckPhase.Charging;
        }
    }

    /// <summary>Charge when the leg to the next town (flat consumption plus lifting the truck) would eat into the reserve.</summary>
    private bool NeedsCharge(double townKm)
    {
        var next = _route.NextTown(townKm, _direction);
        if (next is null)
        {
            return false;
        }

        var distance = Math.Abs(next.Km - townKm);
        var climb = _route.ClimbBetween(townKm, next.Km);
        var neededKwh = distance * PlanningKwhPerKm + TractionModel.PotentialEnergyKwh(_v, climb) / _v.DrivetrainEfficiency;
        return _socPct - neededKwh / _v.BatteryKwh * 100 < ReserveSocPct;
    }

    private double PackCurrent(double ocv, double powerW)
    {
        // P = I·(OCV − I·R) solved for I; the smaller root is the physical one.
        var r = _v.PackResistanceOhm;
        var discriminant = Math.Max(0, ocv * ocv - 4 * r * powerW);
        return (ocv - Math.Sqrt(discriminant)) / (2 * r);
    }

    private void UpdateTemperatures(double ambient, double density, double currentA, double tractionW, double dt)
    {
        // Thin air cools less: convective transfer scales roughly with √ρ.
        var airFactor = Math.Sqrt(density / Atmosphere.SeaLevelDensity);
        var heatW = currentA * currentA * _v.PackResistanceOhm;
        var coolingW = _v.PackCoolingWPerK * airFactor * (_batteryC - ambient);
        _batteryC += (heatW - coolingW) * dt / _v.PackHeatCapacityJPerK;

        var load = Math.Abs(tractionW) / 1000 / _v.MaxTractionKw;
        _motorC = Lag(_motorC, ambient + 120 * load / airFactor, 900, dt);
        _inverterC = Lag(_inverterC, ambient + 50 * load / airFactor, 300, dt);
    }

    private static double Lag(double value, double target, double timeConstantS, double dt) =>
        value + (target - value) * (1 - Math.Exp(-dt / timeConstantS));
}
