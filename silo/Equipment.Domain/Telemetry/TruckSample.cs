namespace Equipment.Domain.Telemetry;

/// <summary>One <c>truck</c> line; null fields were not reported in this line.</summary>
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
    double? AlarmFlags = null)
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
        AlarmFlags ?? previous.AlarmFlags);
}
