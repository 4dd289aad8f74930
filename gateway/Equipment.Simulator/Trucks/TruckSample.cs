namespace Equipment.Simulator.Trucks;

/// <summary>One sample of a truck's physics, before it becomes a line-protocol point or a GB/T 32960 frame.</summary>
public sealed record TruckSample(
    DateTime TimeUtc,
    bool Charging,
    double OdometerKm,
    double Lat,
    double Lon,
    double AltitudeM,
    double SpeedKmh,
    double SocPct,
    double BatteryTempC,
    double MotorTempC,
    double InverterTempC,
    double AmbientTempC,
    double BatteryVoltageV,
    double BatteryCurrentA,
    double PowerKw,
    double BrakePadMm);
