namespace Equipment.Gbt32960.Data;

/// <summary>
/// Info type 0x01. Codes as sent (state 1 on / 2 off / 3 other; charging 1 parked / 2 driving / 3 not / 4 done; mode 1 EV /
/// 2 hybrid / 3 fuel); null where the frame said abnormal or invalid. Pedals exist only in 2016 frames.
/// </summary>
public sealed record VehicleData(
    byte? State,
    byte? Charging,
    byte? Mode,
    double? SpeedKmh,
    double? OdometerKm,
    double? VoltageV,
    double? CurrentA,
    double? SocPct,
    byte? DcDc,
    byte Gear,
    double? InsulationKohm,
    double? AcceleratorPct,
    double? BrakePct);
