namespace Equipment.Domain.Routes;

/// <summary>
/// Cold and altitude in the range model (sources and error in the domain README):
/// <list type="bullet">
/// <item>ambient ahead = measured ambient + 6.5 K per 1,000 m below the altitude it was measured at (ISA lapse rate);
/// without a measurement the ISA standard day, 15 °C − 6.5 K/km;</item>
/// <item>auxiliary power = base load + cabin/pack heating proportional to how far ambient is below the comfort
/// temperature, capped (a 4.5 t truck's PTC heater and the pack heater are a few kW each);</item>
/// <item>deliverable battery energy × capacity factor: 1 at 15 °C and above, −1 % per K below, floor 0.6 (typical
/// LFP discharge capacity: ≈ 85 % at 0 °C, ≈ 75 % at −10 °C, ≈ 65 % at −20 °C).</item>
/// </list>
/// </summary>
public static class ColdWeather
{
    public const double LapseRateKPerM = 0.0065;
    public const double IsaSeaLevelC = 15.0;
    public const double FullCapacityAboveC = 15.0;
    public const double CapacityLossPerK = 0.01;
    public const double CapacityFloor = 0.6;

    public static double AmbientAt(double altitudeM, RangeConditions? c) =>
        c is { AmbientC: { } t, AtAltitudeM: { } h }
            ? t - LapseRateKPerM * (altitudeM - h)
            : IsaSeaLevelC - LapseRateKPerM * altitudeM;

    /// <summary>Share of the pack's rated energy it can deliver at this temperature; 1 when unknown.</summary>
    public static double CapacityFactor(double? batteryTempC) =>
        batteryTempC is { } t && t < FullCapacityAboveC ? Math.Max(CapacityFloor, 1 - CapacityLossPerK * (FullCapacityAboveC - t)) : 1.0;
}
