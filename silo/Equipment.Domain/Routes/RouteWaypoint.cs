namespace Equipment.Domain.Routes;

/// <summary>A waypoint of a route profile; <see cref="Kind"/> is "town", "pass" or "destination" in the shared data.</summary>
public sealed record RouteWaypoint(double Km, double AltitudeM, string Name, string Kind);
