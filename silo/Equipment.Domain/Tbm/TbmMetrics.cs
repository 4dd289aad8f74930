namespace Equipment.Domain.Tbm;

/// <summary>Metric names a TBM twin reports to the alert engine (and that rule overrides refer to).</summary>
public static class TbmMetrics
{
    public const string ThrustPerCutterKn = "thrustPerCutterKn";
    public const string TorqueKnm = "torqueKnm";
    public const string ConsecutiveExceptionalStrokes = "consecutiveExceptionalStrokes";

    /// <summary>Present only while boring, so standstill neither raises nor feeds the 30-minute timer.</summary>
    public const string BoringAdvanceRateMPerH = "boringAdvanceRateMPerH";

    public const string MaxCutterWearMm = "maxCutterWearMm";

    /// <summary>Highest wear as % of its position class's limit (centre, face, gauge).</summary>
    public const string MaxCutterWearPctOfLimit = "maxCutterWearPctOfLimit";
    public const string GearOilTempC = "gearOilTempC";
    public const string HydraulicOilTempC = "hydraulicOilTempC";
    public const string MainBearingTempC = "mainBearingTempC";
}
