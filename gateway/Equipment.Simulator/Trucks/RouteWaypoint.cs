namespace Equipment.Simulator.Trucks;

public sealed record RouteWaypoint(double Km, double AltitudeM, string Name, string Kind)
{
    public bool IsTown => Kind is "town" or "destination";
}
