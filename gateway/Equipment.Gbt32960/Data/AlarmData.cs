namespace Equipment.Gbt32960.Data;

/// <summary>
/// Alarms (2016 type 0x07, 2025 type 0x06): the highest level (0 none … 3 stop now; 2025: 4 thermal event; null when
/// abnormal), the 32 general flags, the four fault-code lists and (2025) the level of each set general flag.
/// </summary>
public sealed record AlarmData(
    byte? Level,
    uint Flags,
    IReadOnlyList<uint> BatteryFaults,
    IReadOnlyList<uint> MotorFaults,
    IReadOnlyList<uint> EngineFaults,
    IReadOnlyList<uint> OtherFaults,
    IReadOnlyList<(byte Flag, byte Level)> FlagLevels);
