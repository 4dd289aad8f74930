namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// What a T-Box reports in one real-time frame, in engineering units (the encoder scales, offsets and rounds).
/// A null value is sent as the standard's "invalid" (0xFF…).
/// </summary>
public sealed record GbtSnapshot
{
    public required DateTime TimeUtc { get; init; }

    /// <summary>0x01 vehicle: 1 on, 2 off, 3 other.</summary>
    public byte VehicleState { get; init; } = 1;

    /// <summary>1 parked charging, 2 driving charging, 3 not charging, 4 charging done.</summary>
    public byte ChargingState { get; init; } = 3;

    public double? SpeedKmh { get; init; }
    public double? OdometerKm { get; init; }
    public double? TotalVoltageV { get; init; }
    public double? TotalCurrentA { get; init; }
    public double? SocPct { get; init; }
    public bool DcDcWorking { get; init; } = true;

    /// <summary>Appendix A.1: bits 0–3 gear (14 = D, 15 = P), bit 4 braking force, bit 5 driving force.</summary>
    public byte Gear { get; init; }

    public double? InsulationKohm { get; init; }
    public double? AcceleratorPct { get; init; }

    /// <summary>Brake pedal travel %, 0 released.</summary>
    public double? BrakePct { get; init; }

    /// <summary>0x02 drive motor (one motor); not sent while parked charging, as the standard allows.</summary>
    public bool MotorPresent { get; init; } = true;

    /// <summary>1 consuming, 2 generating, 3 off, 4 ready.</summary>
    public byte MotorState { get; init; } = 4;

    public double? MotorControllerTempC { get; init; }
    public double? MotorRpm { get; init; }
    public double? MotorTorqueNm { get; init; }
    public double? MotorTempC { get; init; }
    public double? MotorControllerVoltageV { get; init; }
    public double? MotorControllerCurrentA { get; init; }

    /// <summary>0x05 position (degrees; negative = south / west).</summary>
    public bool PositionValid { get; init; } = true;

    public double Latitude { get; init; }
    public double Longitude { get; init; }

    /// <summary>Cell voltages of the one battery subsystem (pack), V; 0x08 (2016) / 0x07 (2025).</summary>
    public IReadOnlyList<double> CellVoltagesV { get; init; } = [];

    /// <summary>Probe temperatures of the pack, °C; 0x09 (2016) / 0x08 (2025).</summary>
    public IReadOnlyList<int> ProbeTempsC { get; init; } = [];

    /// <summary>0x07 alarms (2016) / 0x06 (2025): highest level 0–3 (2025: 4 thermal event) and the general flags.</summary>
    public byte AlarmLevel { get; init; }

    public uint AlarmFlags { get; init; }

    /// <summary>Manufacturer fault codes of the battery (rechargeable energy storage) list.</summary>
    public IReadOnlyList<uint> BatteryFaultCodes { get; init; } = [];
}
