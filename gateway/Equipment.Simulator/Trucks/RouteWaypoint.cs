namespace Equipment.Simulator.Trucks;

/// <summary>A waypoint of the route file; <see cref="Lat"/>/<see cref="Lon"/> are null when the file has no positions.</summary>
public sealed record RouteWaypoint(double Km, double AltitudeM, string Name, string Kind, double? Lat = null, double? Lon = null)
{
    public bool IsTown => Kind is "town" or "destination";
}
