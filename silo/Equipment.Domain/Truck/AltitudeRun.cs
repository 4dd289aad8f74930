namespace Equipment.Domain.Truck;

/// <summary>
/// One altitude run as returned by <c>GET /api/trucks/{id}/runs</c>. <see cref="End"/> is null while the run is open.
/// Per-distance and per-climb figures use net energy (drawn − regenerated + auxiliary) and are null when distance &lt; 0.1 km or
/// ascent &lt; 1 m.
/// </summary>
public sealed record AltitudeRun
{
    public long RunId { get; init; }
    /// <summary>Null only for a run read back from a <c>truck_run</c> point written before <c>start_ns</c> existed.</summary>
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public double DistanceKm { get; init; }
    public double AscentM { get; init; }
    public double DescentM { get; init; }
    public double? MaxAltitudeM { get; init; }
    public double EnergyKwh { get; init; }
    public double RegenKwh { get; init; }
    public double? KwhPer100Km { get; init; }
    public double? KwhPer1000mClimb { get; init; }
    public double? MinSocPct { get; init; }
    public double? BatteryTempMinC { get; init; }
    public double? BatteryTempMaxC { get; init; }
    public double TimeAbove4000mS { get; init; }

    /// <summary>Energy drawn by everything but traction (heating, thermal management, electronics): ∫ max(0, V·I − power) dt; in kwhPer100Km and kwhPer1000mClimb.</summary>
    public double AuxiliaryKwh { get; init; }

    /// <summary>"measured" (altitude_m), "derived" (route profile from the position), "mixed", or null without altitude.</summary>
    public string? AltitudeSource { get; init; }

    /// <summary>Route km where the run started and ended (null off a known route).</summary>
    public double? StartRouteKm { get; init; }
    public double? EndRouteKm { get; init; }

    /// <summary>Route leg, "From → To": the route's waypoints nearest the run's start and end (null off a known route).</summary>
    public string? Leg { get; init; }
}
