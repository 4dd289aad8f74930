namespace Equipment.Domain.Truck;

public static class EnergyIntegration
{
    /// <summary>
    /// Trapezoidal ∫P dt between two samples, split into its positive (drawn) and negative (regenerated) parts. When the
    /// power changes sign the linear segment is cut at its zero crossing, so neither part absorbs the other.
    /// Returns kWh, regen as a positive number.
    /// </summary>
    public static (double DrawnKwh, double RegenKwh) Trapezoid(double p1Kw, double p2Kw, double hours)
    {
        if (p1Kw >= 0 && p2Kw >= 0) return ((p1Kw + p2Kw) / 2 * hours, 0);
        if (p1Kw <= 0 && p2Kw <= 0) return (0, -(p1Kw + p2Kw) / 2 * hours);
        var f = p1Kw / (p1Kw - p2Kw);
        var first = p1Kw / 2 * f * hours;
        var second = p2Kw / 2 * (1 - f) * hours;
        return p1Kw > 0 ? (first, -second) : (second, -first);
    }
}
