namespace Equipment.Domain.Routes;

/// <summary>
/// What the range estimate knows about the weather and the pack: the ambient temperature measured at
/// <see cref="AtAltitudeM"/> (ambient ahead follows the ISA lapse rate from there) and the battery temperature
/// (capacity derating). Nulls fall back to the ISA standard day (15 °C at sea level) and a warm pack.
/// </summary>
public sealed record RangeConditions(double? AmbientC = null, double? AtAltitudeM = null, double? BatteryTempC = null);
