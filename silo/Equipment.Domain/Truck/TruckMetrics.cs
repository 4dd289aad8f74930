namespace Equipment.Domain.Truck;

/// <summary>Metric names a truck twin reports to the alert engine (and that rule overrides refer to).</summary>
public static class TruckMetrics
{
    public const string BatteryTempC = "batteryTempC";
    public const string MotorTempC = "motorTempC";
    public const string InverterTempC = "inverterTempC";
    public const string SocPct = "socPct";

    /// <summary>SOC minus (SOC needed to the next charging point + reserve), percentage points.</summary>
    public const string SocMarginPct = "socMarginPct";

    public const string BrakePadMm = "brakePadMm";

    /// <summary>1 while the truck is parked (ignition off, or last seen standing and silent less than the parked silence).</summary>
    public const string Parked = "parked";

    /// <summary>The T-Box's highest alarm level (GB/T 32960: 0 none … 3 stop now, 4 thermal event).</summary>
    public const string AlarmLevel = "alarmLevel";

    /// <summary>The T-Box's 32 general alarm flags as a number (read by the device-alarm rule for its message).</summary>
    public const string AlarmFlags = "alarmFlags";

    /// <summary>Highest − lowest cell voltage, mV (from the T-Box's extremes).</summary>
    public const string CellSpreadMv = "cellSpreadMv";

    /// <summary>Highest − lowest battery probe temperature, K.</summary>
    public const string ProbeSpreadC = "probeSpreadC";

    /// <summary>Insulation resistance per volt of pack voltage, Ω/V (GB 18384-2020's unit).</summary>
    public const string InsulationOhmPerV = "insulationOhmPerV";
}
