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
}
