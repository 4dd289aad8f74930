using System.Globalization;
using Equipment.Simulator.Core;

namespace Equipment.Simulator.Trucks;

/// <summary>The altitude profile of a road, interpolated linearly between waypoints.</summary>
public sealed class RouteProfile
{
    public const string DefaultRelativePath = "data/routes/g318-chengdu-everest-base-camp.csv";

    /// <summary>The repository's charging-point list for G318 (the same file the platform embeds).</summary>
    public const string ChargingPointsRelativePath = "data/routes/g318-charging-points.csv";

    public RouteProfile(IReadOnlyList<RouteWaypoint> waypoints, IReadOnlyList<double>? chargingPointsKm = null)
    {
        if (waypoints.Count < 2)
        {
            throw new ArgumentException("a route needs at least two waypoints", nameof(waypoints));
        }

        Waypoints = waypoints;
        ChargingPointsKm = chargingPointsKm ?? waypoints.Where(w => w.Kind == "town").Select(w => w.Km).ToList();
    }

    public IReadOnlyList<RouteWaypoint> Waypoints { get; }

    /// <summary>Route km of public chargers: the charging-point file for the built-in G318, the towns for another route file.</summary>
    public IReadOnlyList<double> ChargingPointsKm { get; }

    public double TotalKm => Waypoints[^1].Km;

    /// <summary>
    /// The given file (its towns are the charging points), else the G318 profile and charging points built into the
    /// program from the repository's data/routes (the same files the platform's domain embeds).
    /// </summary>
    public static RouteProfile Load(string? explicitPath)
    {
        if (explicitPath is null)
        {
            var route = Parse(Resource("g318.csv").Split('\n'));
            return new RouteProfile(route.Waypoints, ParseChargingPoints(Resource("g318-charging-points.csv").Split('\n')));
        }

        return Parse(File.ReadAllLines(DataFileLocator.Resolve(explicitPath, DefaultRelativePath, "--route")));
    }

    public static RouteProfile Parse(IEnumerable<string> lines)
    {
        var list = new List<RouteWaypoint>();
        string[]? header = null;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var c = line.Trim().Split(',');
            if (header is null)
            {
                header = c;
                continue;
            }

            var lat = Array.IndexOf(header, "lat");
            var lon = Array.IndexOf(header, "lon");
            list.Add(new RouteWaypoint(
                double.Parse(c[0], CultureInfo.InvariantCulture),
                double.Parse(c[1], CultureInfo.InvariantCulture),
                c[2],
                c[3],
                lat >= 0 && lat < c.Length && c[lat].Length > 0 ? double.Parse(c[lat], CultureInfo.InvariantCulture) : null,
                lon >= 0 && lon < c.Length && c[lon].Length > 0 ? double.Parse(c[lon], CultureInfo.InvariantCulture) : null));
        }

        return new RouteProfile(list);
    }

    /// <summary>The km column of a charging-point file (header <c>km,name,power_kw,…</c>).</summary>
    public static IReadOnlyList<double> ParseChargingPoints(IEnumerable<string> lines) =>
        lines.Skip(1).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();

    private static string Resource(string name)
    {
        using var stream = typeof(RouteProfile).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"the built-in {name} is missing from the simulator");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public double AltitudeAt(double km)
    {
        var i = SegmentIndex(km);
        var a = Waypoints[i];
        var b = Waypoints[i + 1];
        var f = Math.Clamp((km - a.Km) / (b.Km - a.Km), 0, 1);
        return a.AltitudeM + f * (b.AltitudeM - a.AltitudeM);
    }

    /// <summary>Rise per metre of road in the direction of increasing km.</summary>
    public double GradeAt(double km)
    {
        var i = SegmentIndex(km);
        var a = Waypoints[i];
        var b = Waypoints[i + 1];
        return (b.AltitudeM - a.AltitudeM) / ((b.Km - a.Km) * 1000);
    }

    /// <summary>The first charging point strictly ahead in the direction of travel; the road's end when none is left; null at the end.</summary>
    public double? NextChargingPoint(double km, int direction)
    {
        if (direction > 0)
        {
            return ChargingPointsKm.Where(c => c > km + 1e-9).Select(c => (double?)c).FirstOrDefault() ?? (km < TotalKm ? TotalKm : null);
        }

        return ChargingPointsKm.Where(c => c < km - 1e-9).Select(c => (double?)c).LastOrDefault() ?? (km > 0 ? 0 : null);
    }

    /// <summary>The first town strictly ahead in the direction of travel, or null at the end of the road.</summary>
    public RouteWaypoint? NextTown(double km, int direction)
    {
        if (direction > 0)
        {
            return Waypoints.FirstOrDefault(w => w.IsTown && w.Km > km + 1e-9) ?? (km < TotalKm ? Waypoints[^1] : null);
        }

        return Waypoints.LastOrDefault(w => w.IsTown && w.Km < km - 1e-9) ?? (km > 0 ? Waypoints[0] : null);
    }

    /// <summary>Sum of the profile's climbs between two km in the direction of travel, m.</summary>
    public double ClimbBetween(double fromKm, double toKm)
    {
        var points = new List<double> { fromKm };
        var lo = Math.Min(fromKm, toKm);
        var hi = Math.Max(fromKm, toKm);
        var inner = Waypoints.Where(w => w.Km > lo && w.Km < hi).Select(w => w.Km);
        points.AddRange(fromKm <= toKm ? inner : inner.Reverse());
        points.Add(toKm);
        var climb = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            climb += Math.Max(0, AltitudeAt(points[i]) - AltitudeAt(points[i - 1]));
        }

        return climb;
    }

    private int SegmentIndex(double km)
    {
        for (var i = 0; i < Waypoints.Count - 2; i++)
        {
            if (km < Waypoints[i + 1].Km)
            {
                return i;
            }
        }

        return Waypoints.Count - 2;
    }
}
