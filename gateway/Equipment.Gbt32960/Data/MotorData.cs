namespace Equipment.Gbt32960.Data;

/// <summary>One drive motor of info type 0x02; controller input voltage and bus current exist only in 2016 frames.</summary>
public sealed record MotorData(
    byte Number,
    byte? State,
    double? ControllerTempC,
    double? SpeedRpm,
    double? TorqueNm,
    double? TempC,
    double? ControllerVoltageV,
    double? ControllerCurrentA);
