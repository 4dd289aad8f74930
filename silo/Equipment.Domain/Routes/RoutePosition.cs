namespace Equipment.Domain.Routes;

/// <summary>
/// Where a truck is on its route. <see cref="RouteKm"/> is clamped to the route; <see cref="OnRoute"/> says if it was.
/// <see cref="Next"/>, <see cref="KmToNext"/> and <see cref="RemainingKm"/> look in the direction of travel
/// (<see cref="Direction"/> +1 towards larger km, −1 back towards the start).
/// </summary>
public sealed record RoutePosition(
    double RouteKm,
    double AltitudeM,
    RouteWaypoint Previous,
    RouteWaypoint Next,
    double KmToNext,
    double RemainingKm,
    bool OnRoute)
{
    public int Direction { get; init; } = 1;

    /// <summary>False while the direction is only assumed (+1): no range verdict is given on it.</summary>
    public bool DirectionKnown { get; init; } = true;

    /// <summary>How the km was found: "odometer" (dead reckoning from the registration or the last anchor), "waypoint" (re-anchored near a waypoint from lat/lon within the last 50 km), or "projection" (lat/lon on the route line).</summary>
    public string? Source { get; init; }

    /// <summary>Route km of the last waypoint the position was re-anchored at from lat/lon; null if never.</summary>
    public double? AnchoredAtKm { get; init; }
}
