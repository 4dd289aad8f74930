namespace Equipment.Telemetry.Import;

/// <summary>
/// Linear unit conversion (<c>schema = value × Scale + Offset</c>) between the units loggers record and the schema's
/// units: force N/kN/MN, torque Nm/kNm/MNm, pressure Pa/kPa/MPa/bar/mbar/psi, temperature °C/K/°F, length mm/cm/m/km,
/// power W/kW/MW, speed m/s, km/h, rotation rpm = 1/min, voltage, current, percent.
/// </summary>
public readonly record struct UnitConversion(double Scale, double Offset)
{
    public static readonly UnitConversion Identity = new(1, 0);

    // Each unit as (dimension, factor to the dimension's base unit, offset to it).
    private static readonly Dictionary<string, (string Dimension, double Factor, double Offset)> Units = new(StringComparer.Ordinal)
    {
        ["N"] = ("force", 1, 0), ["kN"] = ("force", 1e3, 0), ["MN"] = ("force", 1e6, 0), ["t"] = ("force", 9806.65, 0),
        ["Nm"] = ("torque", 1, 0), ["kNm"] = ("torque", 1e3, 0), ["MNm"] = ("torque", 1e6, 0),
        ["Pa"] = ("pressure", 1, 0), ["kPa"] = ("pressure", 1e3, 0), ["MPa"] = ("pressure", 1e6, 0),
        ["bar"] = ("pressure", 1e5, 0), ["mbar"] = ("pressure", 100, 0), ["psi"] = ("pressure", 6894.757293168, 0),
        ["°C"] = ("temperature", 1, 0), ["C"] = ("temperature", 1, 0), ["degC"] = ("temperature", 1, 0),
        ["K"] = ("temperature", 1, -273.15), ["°F"] = ("temperature", 5.0 / 9, -32 * 5.0 / 9), ["degF"] = ("temperature", 5.0 / 9, -32 * 5.0 / 9),
        ["mm"] = ("length", 1e-3, 0), ["cm"] = ("length", 1e-2, 0), ["m"] = ("length", 1, 0), ["km"] = ("length", 1e3, 0),
        ["W"] = ("power", 1, 0), ["kW"] = ("power", 1e3, 0), ["MW"] = ("power", 1e6, 0),
        ["1/min"] = ("rotation", 1, 0), ["rpm"] = ("rotation", 1, 0), ["1/s"] = ("rotation", 60, 0),
        ["mm/min"] = ("speed", 1.0 / 60_000, 0), ["m/h"] = ("speed", 1.0 / 3600, 0), ["m/s"] = ("speed", 1, 0), ["km/h"] = ("speed", 1 / 3.6, 0),
        ["mm/rev"] = ("penetration", 1, 0), ["mm/U"] = ("penetration", 1, 0),
        ["V"] = ("voltage", 1, 0), ["kV"] = ("voltage", 1e3, 0), ["A"] = ("current", 1, 0), ["kA"] = ("current", 1e3, 0),
        ["%"] = ("ratio", 1, 0), ["°"] = ("angle", 1, 0), ["count"] = ("count", 1, 0), ["bool"] = ("bool", 1, 0),
    };

    /// <summary>The known unit names, for error messages.</summary>
    public static IEnumerable<string> Known => Units.Keys;

    /// <summary>The conversion from <paramref name="from"/> to <paramref name="to"/>; false when either is unknown or they measure different things.</summary>
    public static bool TryGet(string from, string to, out UnitConversion conversion)
    {
        conversion = Identity;
        if (from == to)
        {
            return true;
        }

        if (!Units.TryGetValue(from, out var a) || !Units.TryGetValue(to, out var b) || a.Dimension != b.Dimension)
        {
            return false;
        }

        // base = v·fa + oa; result = (base − ob) / fb.
        conversion = new UnitConversion(a.Factor / b.Factor, (a.Offset - b.Offset) / b.Factor);
        return true;
    }

    public double Apply(double value) => (value * Scale) + Offset;
}
