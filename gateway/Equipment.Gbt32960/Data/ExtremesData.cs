namespace Equipment.Gbt32960.Data;

/// <summary>Info type 0x06 of 2016 frames: the highest and lowest cell voltage and probe temperature, with where they are.</summary>
public sealed record ExtremesData(
    byte? MaxVoltageSubsystem,
    byte? MaxVoltageCell,
    double? MaxCellVoltageV,
    byte? MinVoltageSubsystem,
    byte? MinVoltageCell,
    double? MinCellVoltageV,
    byte? MaxTempSubsystem,
    byte? MaxTempProbe,
    double? MaxTempC,
    byte? MinTempSubsystem,
    byte? MinTempProbe,
    double? MinTempC);
