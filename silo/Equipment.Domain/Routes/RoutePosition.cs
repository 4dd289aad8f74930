namespace Equipment.Domain.Routes;

/// <summary>Where a truck is on its route. <see cref="RouteKm"/> is clamped to the route; <see cref="OnRoute"/> says if it was.</summary>
public sealed record RoutePosition(
    double RouteKm,
    double AltitudeM,
    RouteWaypoint Previous,
    RouteWaypoint Next,
    double KmToNext,
    double RemainingKm,
    bool OnRoute);
