namespace Equipment.Domain.Routes;

/// <summary>A road's altitude profile; altitude is linearly interpolated between waypoints.</summary>
public sealed class RouteProfile
{
    public RouteProfile(string id, IReadOnlyList<RouteWaypoint> waypoints)
    {
        if (waypoints.Count < 2) throw new ArgumentException("A route needs at least 2 waypoints.", nameof(waypoints));
        for (var i = 1; i < waypoints.Count; i++)
            if (!(waypoints[i].Km > waypoints[i - 1].Km)) throw new ArgumentException("Waypoint km must increase.", nameof(waypoints));
        Id = id;
        Waypoints = waypoints;
    }

    public string Id { get; }
    public IReadOnlyList<RouteWaypoint> Waypoints { get; }
    public double StartKm => Waypoints[0].Km;
    public double EndKm => Waypoints[^1].Km;
    public double LengthKm => EndKm - StartKm;

    /// <summary>Index i of the segment [i, i+1] containing km (clamped to the route).</summary>
    public int SegmentIndex(double km)
    {
        if (km <= StartKm) return 0;
        if (km >= EndKm) return Waypoints.Count - 2;
        var lo = 0;
        var hi = Waypoints.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (Waypoints[mid].Km <= km) lo = mid;
            else hi = mid;
        }

        return lo;
    }

    public double AltitudeAt(double km)
    {
        var clamped = Math.Clamp(km, StartKm, EndKm);
        var i = SegmentIndex(clamped);
        var a = Waypoints[i];
        var b = Waypoints[i + 1];
        return a.AltitudeM + (b.AltitudeM - a.AltitudeM) * (clamped - a.Km) / (b.Km - a.Km);
    }

    /// <summary>Position for an odometer reading; route km = odometer − odometer at route start.</summary>
    public RoutePosition PositionAt(double odometerKm, double routeStartOdometerKm = 0)
    {
        var raw = odometerKm - routeStartOdometerKm + StartKm;
        var km = Math.Clamp(raw, StartKm, EndKm);
        var i = SegmentIndex(km);
        var next = km >= Waypoints[i + 1].Km && i + 2 < Waypoints.Count ? Waypoints[i + 2] : Waypoints[i + 1];
        return new RoutePosition(km, AltitudeAt(km), Waypoints[i], next, next.Km - km, EndKm - km, raw >= StartKm && raw <= EndKm);
    }

    /// <summary>Climbs from <paramref name="km"/> to the end of the route, in order; rises below <paramref name="minGainM"/> are left out.</summary>
    public IReadOnlyList<RouteClimb> ClimbsAhead(double km, double minGainM = 100)
    {
        var points = new List<(double Km, double Alt, string Name)> { (Math.Clamp(km, StartKm, EndKm), AltitudeAt(km), "") };
        points.AddRange(Waypoints.Where(w => w.Km > km).Select(w => (w.Km, w.AltitudeM, w.Name)));
        var climbs = new List<RouteClimb>();
        var i = 0;
        while (i < points.Count - 1)
        {
            if (points[i + 1].Alt <= points[i].Alt)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < points.Count - 1 && points[i + 1].Alt > points[i].Alt) i++;
            var climb = new RouteClimb(points[start].Km, points[i].Km, points[start].Alt, points[i].Alt, points[i].Name);
            if (climb.GainM >= minGainM) climbs.Add(climb);
        }

        return climbs;
    }
}
