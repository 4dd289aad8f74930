namespace Equipment.Gbt32960.Data;

/// <summary>A real-time (0x02) or re-sent (0x03) data unit: the sample time (UTC) and the info items it carried.</summary>
public sealed record RealtimeData(
    DateTimeOffset Time,
    VehicleData? Vehicle,
    IReadOnlyList<MotorData> Motors,
    FuelCellData? FuelCell,
    EngineData? Engine,
    PositionData? Position,
    ExtremesData? Extremes,
    AlarmData? Alarm,
    IReadOnlyList<CellVoltages> Cells,
    IReadOnlyList<ProbeTemperatures> Probes,
    IReadOnlyList<RawInfo> Raw);
