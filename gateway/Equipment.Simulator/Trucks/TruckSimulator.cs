using Equipment.Simulator.Core;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Trucks;

/// <summary>
/// A battery-electric truck shuttling along the route in both directions: speed slowed by steep grades and by the
/// motor's power limit, energy from grade, rolling and aerodynamic forces plus auxiliaries and heating, regeneration on
/// descents, charging at the route's charging points (data/routes) when the leg to the next one would eat into the
/// reserve, nights parked at a charging town with the ignition off (<see cref="ParksAtNight"/>), GNSS altitude noise
/// (<see cref="AltitudeNoiseM"/>), and pack, motor and inverter temperatures that follow the cold, thin air at altitude.
/// </summary>
public sealed class TruckSimulator : SteppedSource
{
    public const double ReserveSocPct = 15;
    public const double ChargeTargetSocPct = 95;

    /// <summary>Below this the truck stops at the next roadside charger (service areas along the G318 have them).</summary>
    public const double RoadsideChargeSocPct = 12;

    /// <summary>Safety factor of the trip computer's leg estimate (<see cref="PlanLegKwh"/>).</summary>
    public const double PlanningMargin = 1.1;

    public const double GpsNoiseDeg = 2.5e-5;

    /// <summary>Local time (UTC+8) after which a driving truck stops for the night at the next charging town, and when it leaves.</summary>
    public const int NightFromLocalHour = 20;
    public const int MorningLocalHour = 7;

    /// <summary>A parked truck's T-Box reports this seldom (ignition off).</summary>
    public const double ParkedReportS = 1800;

    /// <summary>Correlation time of the GNSS vertical error, s.</summary>
    public const double AltitudeNoiseTimeConstantS = 30;

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
    private double _altitudeNoiseM;
    private DateTime _parkedUntil;
    private DateTime _lastParkedReport;

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
        // Odometer at route km 0 of the trip: for a truck on its way back, as if it had driven out to the end first.
        RouteStartOdometerKm = _direction > 0 ? _odometerKm - _km : _odometerKm - ((2 * route.TotalKm) - _km);
        _socPct = startSocPct;
        var ambient = Atmosphere.AmbientTemperatureC(AltitudeAt(_km), startUtc);
        _batteryC = Math.Max(ambient + random.NextUniform(3, 8), vehicle.PackMinC + random.NextUniform(0, 5));
        _motorC = ambient + 10;
        _inverterC = ambient + 5;
        _brakePadMm = vehicle.BrakePadNewMm - random.NextUniform(0, 4);
    }

    public string Fleet { get; }

    /// <summary>Whether the truck stops for the night (from 20:00 local at the next charging town until 07:00), ignition off.</summary>
    public bool ParksAtNight { get; init; }

    /// <summary>How fast one cell's voltage drifts below the others (a weak cell), mV per simulated hour; the T-Box shows it.</summary>
    public double CellDriftMvPerHour { get; init; }

    /// <summary>σ of the GNSS vertical error added to altitude_m, m (0 = the profile's altitude).</summary>
    public double AltitudeNoiseM { get; init; }

    public int Direction => _direction;

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

        if (_phase == TruckPhase.Parked)
        {
            _speedMs = 0;
            batteryW = _socPct < ChargeTargetSocPct && IsAtChargingPoint() ? -_v.ChargerKw * 1000 : 0;
            if (timeUtc >= _parkedUntil)
            {
                _phase = TruckPhase.Driving;
            }
        }
        else if (_phase == TruckPhase.Charging)
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
            var heaterW = Math.Min(_v.MaxHeatingKw, _v.HeatingKwPerK * Math.Max(0, _v.HeatingComfortC - ambient)) * 1000;
            batteryW = tractionW + _v.AuxiliaryKw * 1000 + heaterW;
            Move(_speedMs * dt / 1000, timeUtc);
        }

        // SOC is charge, as a BMS counts it: ∫I dt against the capacity the pack still has (rated × CapacityFactor), so
        // the platform's ΔAh ÷ ΔSOC over a charge gives back that capacity.
        var ocv = _v.OpenCircuitEmptyV + (_v.OpenCircuitFullV - _v.OpenCircuitEmptyV) * _socPct / 100;
        var current = PackCurrent(ocv, batteryW);
        var voltage = ocv - current * _v.PackResistanceOhm;
        _socPct = Math.Clamp(_socPct - (current * dt / 3600 / (_v.RatedCapacityAh * _v.CapacityFactor) * 100), 0, 100);
        if (_phase == TruckPhase.Driving && _socPct < RoadsideChargeSocPct)
        {
            // Some legs (Kangding → Litang: 286 km and 2,200 m of climbing) exceed one charge; the
            // profile lists only major towns, so the service-area chargers between them are implied here.
            _phase = TruckPhase.Charging;
        }

        UpdateTemperatures(ambient, density, current, tractionW, dt);

        _altitudeNoiseM = AltitudeNoiseM > 0
            ? (_altitudeNoiseM * Math.Exp(-dt / AltitudeNoiseTimeConstantS)) + _random.NextGaussian(0, AltitudeNoiseM * Math.Sqrt(1 - Math.Exp(-2 * dt / AltitudeNoiseTimeConstantS)))
            : 0;
        if (_phase == TruckPhase.Parked)
        {
            // Ignition off: the T-Box reports now and then, not at the driving rate.
            if (timeUtc - _lastParkedReport < TimeSpan.FromSeconds(ParkedReportS))
            {
                return;
            }

            _lastParkedReport = timeUtc;
        }

        var (lat, lon) = _geometry.PositionAt(_km);
        var sample = new TruckSample(
            timeUtc,
            _phase == TruckPhase.Charging,
            Math.Round(_odometerKm, 3),
            Math.Round(lat + _random.NextGaussian(0, GpsNoiseDeg), 6),
            Math.Round(lon + _random.NextGaussian(0, GpsNoiseDeg), 6),
            Math.Round(AltitudeAt(_km) + _altitudeNoiseM, 1),
            Math.Round(_speedMs * 3.6, 2),
            Math.Round(_socPct, 3),
            Math.Round(_batteryC, 2),
            Math.Round(_motorC, 2),
            Math.Round(_inverterC, 2),
            Math.Round(ambient, 2),
            Math.Round(voltage, 2),
            Math.Round(current, 2),
            Math.Round(tractionW / 1000, 3),
            Math.Round(_brakePadMm, 4),
            _phase != TruckPhase.Parked);
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
            .Field("ignition", sample.Ignition)
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

    private void Move(double distanceKm, DateTime timeUtc)
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

        var passed = _route.ChargingPointsKm.Cast<double?>().FirstOrDefault(c =>
            _direction > 0 ? before < c && _km >= c : before > c && _km <= c);
        if (passed is not { } chargerKm)
        {
            return;
        }

        var localHour = (timeUtc.TimeOfDay.TotalHours + Atmosphere.LocalUtcOffsetHours) % 24;
        if (ParksAtNight && (localHour >= NightFromLocalHour || localHour < MorningLocalHour - 2))
        {
            _km = chargerKm;
            _speedMs = 0;
            _phase = TruckPhase.Parked;
            var localMidnight = timeUtc.Date.AddHours(-Atmosphere.LocalUtcOffsetHours);
            _parkedUntil = localMidnight.AddHours(MorningLocalHour);
            while (_parkedUntil <= timeUtc)
            {
                _parkedUntil = _parkedUntil.AddDays(1);
            }

            _lastParkedReport = DateTime.MinValue;
        }
        else if (NeedsCharge(chargerKm))
        {
            _phase = TruckPhase.Charging;
        }
    }

    private bool IsAtChargingPoint() => _route.ChargingPointsKm.Any(c => Math.Abs(c - _km) < 0.5);

    /// <summary>
    /// Charge when the trip computer's estimate of the leg to the next charging point, with its margin, would eat into
    /// the reserve; it knows what the pack still holds (the BMS's usable energy), not just the nameplate.
    /// </summary>
    private bool NeedsCharge(double chargerKm) =>
        _route.NextChargingPoint(chargerKm, _direction) is { } nextKm
        && _socPct - (PlanLegKwh(_v, _route, chargerKm, nextKm) / (_v.BatteryKwh * _v.CapacityFactor) * 100) < ReserveSocPct;

    /// <summary>
    /// The driver's trip computer: battery energy for a stretch of road, kWh, from the truck's own physics km by km at
    /// the speed it would drive there (no regeneration credited), with auxiliaries and heating on the coldest night at
    /// each altitude, plus <see cref="PlanningMargin"/>. Drivers on the G318 in winter plan that cautiously.
    /// </summary>
    public static double PlanLegKwh(VehicleParameters v, RouteProfile route, double fromKm, double toKm)
    {
        var direction = toKm >= fromKm ? 1 : -1;
        var kwh = 0.0;
        for (var km = fromKm; direction * (toKm - km) > 1e-9;)
        {
            var step = Math.Min(1.0, Math.Abs(toKm - km));
            var mid = km + (direction * step / 2);
            var grade = direction * route.GradeAt(mid);
            var altitude = route.AltitudeAt(mid);
            var speedMs = Math.Clamp(v.CruiseKmh - (450 * Math.Abs(grade)), 25, v.CruiseKmh) / 3.6;
            var (tractionW, _) = TractionModel.Split(v, TractionModel.WheelPowerW(v, speedMs, grade, altitude, 0));
            var coldest = Atmosphere.ColdestC(altitude);
            var auxW = (v.AuxiliaryKw + Math.Min(v.MaxHeatingKw, v.HeatingKwPerK * Math.Max(0, v.HeatingComfortC - coldest))) * 1000;
            kwh += (Math.Max(0, tractionW) + auxW) * (step * 1000 / speedMs) / 3.6e6;
            km += direction * step;
        }

        return kwh * PlanningMargin;
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
        if (_phase != TruckPhase.Parked || IsAtChargingPoint())
        {
            // The BMS heats the pack while the truck is on (the heating load) or plugged in (from the grid).
            _batteryC = Math.Max(_batteryC, _v.PackMinC);
        }

        var load = Math.Abs(tractionW) / 1000 / _v.MaxTractionKw;
        _motorC = Lag(_motorC, ambient + 120 * load / airFactor, 900, dt);
        _inverterC = Lag(_inverterC, ambient + 50 * load / airFactor, 300, dt);
    }

    private static double Lag(double value, double target, double timeConstantS, double dt) =>
        value + (target - value) * (1 - Math.Exp(-dt / timeConstantS));
}
