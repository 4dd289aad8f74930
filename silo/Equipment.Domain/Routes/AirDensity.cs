namespace Equipment.Domain.Routes;

public static class AirDensity
{
    public const double SeaLevelKgM3 = 1.225;

    /// <summary>
    /// ISA troposphere (0–11 km): ρ = 1.225·(1 − 0.0065·h/288.15)^(g·M/(R·L) − 1), exponent 4.25588.
    /// Used by the range estimate: 0.736 kg/m³ at 5,000 m, matching published figures (~0.74). The isothermal
    /// approximation 1.225·exp(−h/8500) underestimates it at altitude (0.680 at 5,000 m).
    /// </summary>
    public static double Isa(double altitudeM)
    {
        var h = Math.Clamp(altitudeM, -500, 11000);
        return SeaLevelKgM3 * Math.Pow(1 - 0.0065 * h / 288.15, 4.25588);
    }

    /// <summary>Isothermal approximation ρ = 1.225·exp(−h/H), scale height H = 8,500 m by default.</summary>
    public static double Exponential(double altitudeM, double scaleHeightM = 8500.0) => SeaLevelKgM3 * Math.Exp(-altitudeM / scaleHeightM);
}
