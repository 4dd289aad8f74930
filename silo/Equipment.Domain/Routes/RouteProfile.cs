namespace Equipment.Domain.Routes;

/// <summary>A road's altitude profile; altitude is linearly interpolated between waypoints.</summary>
public sealed class RouteProfile
{
    public RouteProfile(string id, IReadOnlyList<RouteWaypoint> waypoints, IReadOnlyList<ChargingPoint>? chargingPoints = null)
    {
        if (waypoints.Count < 2) throw new ArgumentException("A route needs at least 2 waypoints.", nameof(waypoints));
        for (var i = 1; i < waypoints.Count; i++)
            if (!(waypoints[i].Km > waypoints[i - 1].Km)) throw new ArgumentException("Waypoint km must increase.", nameof(waypoints));
        Id = id;
        Waypoints = waypoints;
        ChargingPoints = chargingPoints ?? [];
        _located = waypoints.Where(w => w.Lat is not null && w.Lon is not null).ToArray();
    }

    private const double KmPerDegree = 111.195;
    private readonly RouteWaypoint[] _located;

    /// <summary>Public charging points along the route, in km order; empty when the route has no list.</summary>
    public IReadOnlyList<ChargingPoint> ChargingPoints { get; }

    /// <summary>Whether waypoints carry lat/lon, so positions can be placed on the route.</summary>
    public bool HasPositions => _located.Length >= 2;

    public RouteProfile WithChargingPoints(IReadOnlyList<ChargingPoint> points) => new(Id, Waypoints, points.OrderBy(p => p.Km).ToList());

    /// <summary>Great-circle distance by the equirectangular approximation (error &lt; 0.1 % at the scale of a few hundred km).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var x = (lon2 - lon1) * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180) * KmPerDegree;
        var y = (lat2 - lat1) * KmPerDegree;
        return Math.Sqrt(x * x + y * y);
    }

    /// <summary>The located waypoint nearest to a position, with its distance; null when the route has no positions.</summary>
    public (RouteWaypoint Waypoint, double DistanceKm)? NearestWaypoint(double lat, double lon)
    {
        (RouteWaypoint, double)? best = null;
        foreach (var w in _located)
        {
            var d = DistanceKm(lat, lon, w.Lat!.Value, w.Lon!.Value);
            if (best is null || d < best.Value.Item2) best = (w, d);
        }

        return best;
    }

    /// <summary>
    /// Route km of a position, by projecting it on the straight lines between located waypoints and interpolating km along
    /// the nearest one; with its distance from that line. The road winds, so this is good to a fraction of the distance
    /// between waypoints (documented in the domain README); null when the route has no positions.
    /// </summary>
    public (double Km, double DistanceKm)? Project(double lat, double lon)
    {
        if (!HasPositions) return null;
        (double, double)? best = null;
        for (var i = 0; i < _located.Length - 1; i++)
        {
            var a = _located[i];
            var b = _located[i + 1];
            var cos = Math.Cos(a.Lat!.Value * Math.PI / 180);
            var bx = (b.Lon!.Value - a.Lon!.Value) * cos * KmPerDegree;
            var by = (b.Lat!.Value - a.Lat.Value) * KmPerDegree;
            var px = (lon - a.Lon.Value) * cos * KmPerDegree;
            var py = (lat - a.Lat.Value) * KmPerDegree;
            var len2 = bx * bx + by * by;
            var f = len2 > 0 ? Math.Clamp((px * bx + py * by) / len2, 0, 1) : 0;
            var dx = px - f * bx;
            var dy = py - f * by;
            var d = Math.Sqrt(dx * dx + dy * dy);
            if (best is null || d < best.Value.Item2) best = (a.Km + f * (b.Km - a.Km), d);
        }

        return best;
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

    /// <summary>Position for an odometer reading; route km = odometer − odometer at route start (outbound only).</summary>
    public RoutePosition PositionAt(double odometerKm, double routeStartOdometerKm = 0) =>
        PositionAtKm(odometerKm - routeStartOdometerKm + StartKm);

    /// <summary>
    /// Position at a route km, looking in the direction of travel (+1 towards larger km, −1 back towards the start):
    /// <see cref="RoutePosition.Next"/>, <see cref="RoutePosition.KmToNext"/> and <see cref="RoutePosition.RemainingKm"/> are ahead.
    /// </summary>
    public RoutePosition PositionAtKm(double routeKm, int direction = 1)
    {
        var raw = routeKm;
        var km = Math.Clamp(raw, StartKm, EndKm);
        var onRoute = raw >= StartKm && raw <= EndKm;
        if (direction >= 0)
        {
            var i = SegmentIndex(km);
            var next = km >= Waypoints[i + 1].Km && i + 2 < Waypoints.Count ? Waypoints[i + 2] : Waypoints[i + 1];
            return new RoutePosition(km, AltitudeAt(km), Waypoints[i], next, next.Km - km, EndKm - km, onRoute) { Direction = 1 };
        }

        var ahead = Waypoints.LastOrDefault(w => w.Km < km) ?? Waypoints[0];
        var behind = Waypoints.FirstOrDefault(w => w.Km >= km) ?? Waypoints[^1];
        return new RoutePosition(km, AltitudeAt(km), behind, ahead, km - ahead.Km, km - StartKm, onRoute) { Direction = -1 };
    }

    /// <summary>
    /// Climbs from <paramref name="km"/> to the end of the route in the direction of travel (+1: towards larger km,
    /// −1: back towards the start), in the order they come; rises below <paramref name="minGainM"/> are left out.
    /// </summary>
    public IReadOnlyList<RouteClimb> ClimbsAhead(double km, double minGainM = 100, int direction = 1)
    {
        var points = new List<(double Km, double Alt, string Name)> { (Math.Clamp(km, StartKm, EndKm), AltitudeAt(km), "") };
        points.AddRange(direction >= 0
            ? Waypoints.Where(w => w.Km > km).Select(w => (w.Km, w.AltitudeM, w.Name))
            : Waypoints.Where(w => w.Km < km).Reverse().Select(w => (w.Km, w.AltitudeM, w.Name)));
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
