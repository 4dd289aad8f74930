namespace Equipment.Simulator.Trucks;

/// <summary>
/// A G318 polyline through the waypoints' positions of the route file (data/routes), or through the towns below for
/// a file without coordinates; between points, position is interpolated by road km, the way the platform projects it.
/// </summary>
public sealed class RouteGeometry
{
    private static readonly Dictionary<string, (double Lat, double Lon)> Anchors = new()
    {
        ["Chengdu"] = (30.66, 104.06),
        ["Luding"] = (29.91, 102.23),
        ["Kangding"] = (30.05, 101.96),
        ["Litang"] = (29.99, 100.27),
        ["Batang"] = (30.00, 99.11),
        ["Markam"] = (29.68, 98.59),
        ["Rawu"] = (29.50, 96.77),
        ["Bomi"] = (29.86, 95.77),
        ["Nyingchi"] = (29.65, 94.36),
        ["Lhasa"] = (29.65, 91.13),
        ["Shigatse"] = (29.27, 88.88),
        ["Lhaze"] = (29.08, 87.64),
        ["New Tingri"] = (28.66, 87.12),
        ["Everest base camp"] = (28.14, 86.85),
    };

    private readonly List<(double Km, double Lat, double Lon)> _points;

    public RouteGeometry(RouteProfile profile)
    {
        _points = profile.Waypoints.All(w => w.Lat is not null && w.Lon is not null)
            ? profile.Waypoints.Select(w => (w.Km, w.Lat!.Value, w.Lon!.Value)).ToList()
            : profile.Waypoints
                .Where(w => Anchors.ContainsKey(w.Name))
                .Select(w => (w.Km, Anchors[w.Name].Lat, Anchors[w.Name].Lon))
                .ToList();
        if (_points.Count < 2)
        {
            // Unknown route: a straight line Chengdu → base camp still gives a usable map.
            _points = [(0, 30.66, 104.06), (profile.TotalKm, 28.14, 86.85)];
        }
    }

    public (double Lat, double Lon) PositionAt(double km)
    {
        if (km <= _points[0].Km)
        {
            return (_points[0].Lat, _points[0].Lon);
        }

        for (var i = 1; i < _points.Count; i++)
        {
            if (km <= _points[i].Km)
            {
                var a = _points[i - 1];
                var b = _points[i];
                var f = (km - a.Km) / (b.Km - a.Km);
                return (a.Lat + f * (b.Lat - a.Lat), a.Lon + f * (b.Lon - a.Lon));
            }
        }

        return (_points[^1].Lat, _points[^1].Lon);
    }
}
