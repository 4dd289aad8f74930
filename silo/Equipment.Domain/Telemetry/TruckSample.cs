namespace Equipment.Domain.Telemetry;

/// <summary>
/// One <c>truck</c> line; null fields were not reported in this line. <see cref="Ignition"/> false = key off / vehicle
/// state "stopped" (GB/T 32960 vehicle state 0x02): the truck is parked, silence is expected. The members after it are
/// the T-Box's battery fields (<see cref="Charging"/> is GB/T 32960's charging state code: 1 parked charging,
/// 2 charging while driving, 3 not charging, 4 charging finished).
/// </summary>
public readonly record struct TruckSample(
    DateTimeOffset Timestamp,
    double? OdometerKm = null,
    double? Lat = null,
    double? Lon = null,
    double? AltitudeM = null,
    double? SpeedKmh = null,
    double? SocPct = null,
    double? BatteryTempC = null,
    double? MotorTempC = null,
    double? InverterTempC = null,
    double? AmbientTempC = null,
    double? BatteryVoltageV = null,
    double? BatteryCurrentA = null,
    double? PowerKw = null,
    double? BrakePadMm = null,
    double? AlarmLevel = null,
    double? AlarmFlags = null,
    bool? Ignition = null,
    double? InsulationKohm = null,
    double? CellVoltageMaxV = null,
    double? CellVoltageMinV = null,
    double? BatteryTempMinC = null,
    double? Charging = null)
{
    /// <summary>Overlays the fields this sample carries onto <paramref name="previous"/> (last-value-wins per field).</summary>
    public TruckSample MergeOnto(TruckSample previous) => new(
        Timestamp,
        OdometerKm ?? previous.OdometerKm,
        Lat ?? previous.Lat,
        Lon ?? previous.Lon,
        AltitudeM ?? previous.AltitudeM,
        SpeedKmh ?? previous.SpeedKmh,
        SocPct ?? previous.SocPct,
        BatteryTempC ?? previous.BatteryTempC,
        MotorTempC ?? previous.MotorTempC,
        InverterTempC ?? previous.InverterTempC,
        AmbientTempC ?? previous.AmbientTempC,
        BatteryVoltageV ?? previous.BatteryVoltageV,
        BatteryCurrentA ?? previous.BatteryCurrentA,
        PowerKw ?? previous.PowerKw,
        BrakePadMm ?? previous.BrakePadMm,
        AlarmLevel ?? previous.AlarmLevel,
        AlarmFlags ?? previous.AlarmFlags,
        Ignition ?? previous.Ignition,
        InsulationKohm ?? previous.InsulationKohm,
        CellVoltageMaxV ?? previous.CellVoltageMaxV,
        CellVoltageMinV ?? previous.CellVoltageMinV,
        BatteryTempMinC ?? previous.BatteryTempMinC,
        Charging ?? previous.Charging);
}
