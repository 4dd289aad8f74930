namespace Equipment.Domain.Routes;

/// <summary>
/// A waypoint of a route profile; <see cref="Kind"/> is "town", "pass", "valley" or "destination" in the project's data.
/// <see cref="Lat"/>/<see cref="Lon"/> (WGS-84 degrees) are null when the profile carries no position.
/// </summary>
public sealed record RouteWaypoint(double Km, double AltitudeM, string Name, string Kind, double? Lat = null, double? Lon = null);
