using Equipment.Domain.Truck;

namespace Equipment.Domain.Routes;

/// <summary>
/// Battery energy to drive a stretch of route, in either direction. Per piece of road between waypoints (length L, rise Δh
/// in the direction of travel, mean altitude h): wheel energy W = m·g·Δh + Crr·m·g·L + ½·ρ(h)·CdA·v²·L (J, grade angle's
/// cosine taken as 1); battery energy = W/η_drive when W &gt; 0, W·η_regen when W &lt; 0 (surplus on descents partly
/// recovered); plus the auxiliary load P_aux(T_ambient(h))·L/v. Usable = SOC·capacity·f(T_pack) − reserve·capacity.
/// Charging points: the configured km list, else the route's list (chargers the truck can use), else its towns.
/// </summary>
public sealed class RangeEstimator(TruckParameters parameters)
{
    public const double G = 9.81;

    /// <summary>Within this distance of a charging point the truck is at it (it charges there rather than heading for it), km.</summary>
    public const double AtChargingPointKm = 0.5;
    private const double JoulesPerKwh = 3.6e6;

    public TruckParameters Parameters { get; } = parameters;

    public static double PotentialEnergyKwh(double massKg, double riseM) => massKg * G * riseM / JoulesPerKwh;

    /// <summary>Battery-side traction energy for one straight piece of road, kWh (negative = recovered).</summary>
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

    /// <summary>Auxiliary power at an ambient temperature: base + heating·(comfort − ambient), heating capped; kW.</summary>
    public double AuxiliaryKw(double ambientC)
    {
        var p = Parameters;
        return p.AuxiliaryBaseKw + Math.Min(p.MaxHeatingKw, p.HeatingKwPerK * Math.Max(0, p.HeatingComfortC - ambientC));
    }

    /// <summary>Auxiliary energy over a piece driven at the planned speed, kWh.</summary>
    public double PieceAuxiliaryKwh(double lengthKm, double meanAltitudeM, RangeConditions? conditions) =>
        AuxiliaryKw(ColdWeather.AmbientAt(meanAltitudeM, conditions)) * lengthKm / Parameters.PlannedSpeedKmh;

    public IReadOnlyList<ChargingPoint> ChargingPoints(RouteProfile route)
    {
        if (Parameters.ChargingPointsKm is { Length: > 0 } configured)
            return configured.Order().Select(km => new ChargingPoint(km, NameAt(route, km), double.PositiveInfinity)).ToList();
        if (route.ChargingPoints.Count > 0)
            return route.ChargingPoints.Where(c => c.PowerKw >= Parameters.MinChargerKw).ToList();
        return route.Waypoints.Where(w => w.Kind == "town").Select(w => new ChargingPoint(w.Km, w.Name, double.PositiveInfinity)).ToList();
    }

    /// <summary>
    /// Estimate to the first usable charging point more than <see cref="AtChargingPointKm"/> ahead in the direction of travel (being at one means
    /// charging there, so it is not "next"); to the route's end when none is left; null at the end of the route.
    /// </summary>
    public RangeEstimate? ToNextChargingPoint(RouteProfile route, double routeKm, double socPct, int direction = 1, RangeConditions? conditions = null)
    {
        var forward = direction >= 0;
        var end = forward ? route.EndKm : route.StartKm;
        if (forward ? routeKm >= route.EndKm : routeKm <= route.StartKm) return null;
        var usable = ChargingPoints(route);
        var at = usable.FirstOrDefault(c => Math.Abs(c.Km - routeKm) <= AtChargingPointKm);
        var ahead = usable
            .Where(c => c.Km >= route.StartKm && c.Km <= route.EndKm && (forward ? c.Km > routeKm + AtChargingPointKm : c.Km < routeKm - AtChargingPointKm))
            .ToList();
        if (!forward) ahead.Reverse();
        var next = ahead.FirstOrDefault();
        var estimate = next is null
            ? Between(route, routeKm, end, forward ? route.Waypoints[^1].Name : route.Waypoints[0].Name, socPct, conditions)
            : Between(route, routeKm, next.Km, next.Name, socPct, conditions) with { TargetPowerKw = double.IsFinite(next.PowerKw) ? next.PowerKw : null };
        var furthest = FurthestReachable(route, routeKm, ahead, estimate.UsableEnergyKwh, conditions);
        return estimate with { FurthestReachableName = furthest?.Name, FurthestReachableKm = furthest?.Km, AtChargingPointName = at?.Name };
    }

    /// <summary>Energy from one km to another (either direction) against the charge.</summary>
    public RangeEstimate Between(RouteProfile route, double fromKm, double toKm, string targetName, double socPct, RangeConditions? conditions = null)
    {
        var capacity = Parameters.BatteryCapacityKwh;
        var factor = ColdWeather.CapacityFactor(conditions?.BatteryTempC);
        var usable = socPct / 100.0 * capacity * factor - Parameters.ReservePct / 100.0 * capacity;
        var cuts = Cuts(route, fromKm, toKm);
        var cumulative = 0.0;
        var peak = 0.0;
        var aux = 0.0;
        double? shortAt = null;
        for (var i = 0; i < cuts.Count - 1; i++)
        {
            var (a, b) = (cuts[i], cuts[i + 1]);
            var (piece, pieceAux) = Piece(route, a, b, conditions);
            if (shortAt is null && piece > 0 && cumulative + piece > usable)
                shortAt = usable <= cumulative ? a : a + (usable - cumulative) / piece * (b - a);
            cumulative += piece;
            aux += pieceAux;
            peak = Math.Max(peak, cumulative);
        }

        // SOC s reaches iff s·C·f − reserve·C ≥ peak, so the SOC needed is (peak + reserve·C) / (C·f).
        var socNeeded = (peak + Parameters.ReservePct / 100.0 * capacity) / (capacity * factor) * 100.0;
        return new RangeEstimate(fromKm, toKm, targetName, cumulative, peak, usable, shortAt is null, shortAt, socNeeded, socPct - socNeeded)
        {
            Direction = toKm >= fromKm ? 1 : -1,
            AuxiliaryKwh = aux,
            CapacityFactor = factor,
        };
    }

    private ChargingPoint? FurthestReachable(RouteProfile route, double fromKm, IReadOnlyList<ChargingPoint> ahead, double usable, RangeConditions? conditions)
    {
        if (ahead.Count == 0) return null;
        var cuts = Cuts(route, fromKm, ahead[^1].Km);
        var cumulative = 0.0;
        var peak = 0.0;
        ChargingPoint? reached = null;
        var next = 0;
        for (var i = 0; i < cuts.Count - 1 && next < ahead.Count; i++)
        {
            var (a, b) = (cuts[i], cuts[i + 1]);
            cumulative += Piece(route, a, b, conditions).Total;
            peak = Math.Max(peak, cumulative);
            while (next < ahead.Count && Math.Abs(ahead[next].Km - b) < 1e-9)
            {
                if (peak > usable) return reached;
                reached = ahead[next++];
            }
        }

        return reached;
    }

    /// <summary>Traction + auxiliary energy of one piece, and the auxiliary part.</summary>
    private (double Total, double Aux) Piece(RouteProfile route, double a, double b, RangeConditions? conditions)
    {
        var (ha, hb) = (route.AltitudeAt(a), route.AltitudeAt(b));
        var length = Math.Abs(b - a);
        var aux = PieceAuxiliaryKwh(length, (ha + hb) / 2, conditions);
        return (PieceEnergyKwh(length, ha, hb) + aux, aux);
    }

    /// <summary>fromKm, the waypoints and charging points strictly between, toKm; in the direction of travel.</summary>
    private List<double> Cuts(RouteProfile route, double fromKm, double toKm)
    {
        var (lo, hi) = (Math.Min(fromKm, toKm), Math.Max(fromKm, toKm));
        var inner = route.Waypoints.Select(w => w.Km).Concat(route.ChargingPoints.Select(c => c.Km))
            .Where(km => km > lo && km < hi).Distinct().Order().ToList();
        if (toKm < fromKm) inner.Reverse();
        return [fromKm, .. inner, toKm];
    }

    private static string NameAt(RouteProfile route, double km) =>
        route.Waypoints.FirstOrDefault(w => Math.Abs(w.Km - km) < 0.5)?.Name ?? $"km {km:0.#}";
}
