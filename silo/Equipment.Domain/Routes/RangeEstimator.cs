using Equipment.Domain.Truck;

namespace Equipment.Domain.Routes;

/// <summary>
/// Battery energy to drive a stretch of route. Per piece of road between waypoints (length L, rise Δh, mean altitude h):
/// wheel energy W = m·g·Δh + Crr·m·g·L + ½·ρ(h)·CdA·v²·L (J, grade angle's cosine taken as 1);
/// battery energy = W/η_drive when W &gt; 0, W·η_regen when W &lt; 0 (surplus on descents partly recovered).
/// Usable energy = SOC·capacity − reserve·capacity. Charging points are the configured km list or, if none, the towns.
/// </summary>
public sealed class RangeEstimator(TruckParameters parameters)
{
    public const double G = 9.81;
    private const double JoulesPerKwh = 3.6e6;

    public TruckParameters Parameters { get; } = parameters;

    public static double PotentialEnergyKwh(double massKg, double riseM) => massKg * G * riseM / JoulesPerKwh;

    /// <summary>Battery-side energy for one straight piece of road, kWh (negative = recovered).</summary>
    public double PieceEnergyKwh(double lengthKm, double fromAltitudeM, double toAltitudeM)
    {
        var p = Parameters;
        var lengthM = lengthKm * 1000.0;
        var v = p.PlannedSpeedKmh / 3.6;
        var rho = AirDensity.Isa((fromAltitudeM + toAltitudeM) / 2.0);
        var wheelJ = p.MassKg * G * (toAltitudeM - fromAltitudeM)
            + p.RollingResistanceCoefficient * p.MassKg * G * lengthM
            + 0.5 * rho * p.DragAreaM2 * v * v * lengthM;
        var batteryJ = wheelJ > 0 ? wheelJ / p.DrivetrainEfficiency : wheelJ * p.RegenEfficiency;
        return batteryJ / JoulesPerKwh;
    }

    public IReadOnlyList<(double Km, string Name)> ChargingPoints(RouteProfile route) =>
        Parameters.ChargingPointsKm is { Length: > 0 } configured
            ? configured.Order().Select(km => (km, NameAt(route, km))).ToList()
            : route.Waypoints.Where(w => w.Kind == "town").Select(w => (w.Km, w.Name)).ToList();

    /// <summary>
    /// Estimate to the first charging point more than 0.5 km ahead (being at a town means charging there, so it is not
    /// "next"); to the route's end when none is left; null at the end of the route.
    /// </summary>
    public RangeEstimate? ToNextChargingPoint(RouteProfile route, double routeKm, double socPct)
    {
        if (routeKm >= route.EndKm) return null;
        var next = ChargingPoints(route).Where(c => c.Km > routeKm + 0.5 && c.Km <= route.EndKm).Select(c => ((double, string)?)c).FirstOrDefault()
            ?? (route.EndKm, route.Waypoints[^1].Name);
        return Between(route, routeKm, next.Item1, next.Item2, socPct);
    }

    public RangeEstimate Between(RouteProfile route, double fromKm, double toKm, string targetName, double socPct)
    {
        var capacity = Parameters.BatteryCapacityKwh;
        var usable = socPct / 100.0 * capacity - Parameters.ReservePct / 100.0 * capacity;
        var cuts = new List<double> { fromKm };
        cuts.AddRange(route.Waypoints.Select(w => w.Km).Where(km => km > fromKm && km < toKm));
        cuts.Add(toKm);

        var cumulative = 0.0;
        var peak = 0.0;
        double? shortAt = null;
        for (var i = 0; i < cuts.Count - 1; i++)
        {
            var (a, b) = (cuts[i], cuts[i + 1]);
            var piece = PieceEnergyKwh(b - a, route.AltitudeAt(a), route.AltitudeAt(b));
            if (shortAt is null && piece > 0 && cumulative + piece > usable)
                shortAt = usable <= cumulative ? a : a + (usable - cumulative) / piece * (b - a);
            cumulative += piece;
            peak = Math.Max(peak, cumulative);
        }

        var socNeeded = peak / capacity * 100.0 + Parameters.ReservePct;
        return new RangeEstimate(fromKm, toKm, targetName, cumulative, peak, usable, shortAt is null, shortAt, socNeeded, socPct - socNeeded);
    }

    private static string NameAt(RouteProfile route, double km) =>
        route.Waypoints.FirstOrDefault(w => Math.Abs(w.Km - km) < 0.5)?.Name ?? $"km {km:0.#}";
}
