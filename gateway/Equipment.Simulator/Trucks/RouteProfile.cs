using System.Globalization;
using Equipment.Simulator.Core;

namespace Equipment.Simulator.Trucks;

/// <summary>The altitude profile of a road, interpolated linearly between waypoints.</summary>
public sealed class RouteProfile
{
    public const string DefaultRelativePath = "shared/data/routes/g318-chengdu-everest-base-camp.csv";

    public RouteProfile(IReadOnlyList<RouteWaypoint> waypoints)
    {
        if (waypoints.Count < 2)
        {
            throw new ArgumentException("a route needs at least two waypoints", nameof(waypoints));
        }

        Waypoints = waypoints;
    }

    public IReadOnlyList<RouteWaypoint> Waypoints { get; }

    public double TotalKm => Waypoints[^1].Km;

    /// <summary>
    /// The given file, else the shared profile found above the working folder, else the copy built into the
    /// program (the same file the platform's domain embeds), so a clone without <c>shared/</c> beside it still runs.
    /// </summary>
    public static RouteProfile Load(string? explicitPath)
    {
        if (explicitPath is null && DataFileLocator.FindUpward(DefaultRelativePath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory) is null)
        {
            using var stream = typeof(RouteProfile).Assembly.GetManifestResourceStream("g318.csv")
                ?? throw new FileNotFoundException("the built-in G318 profile is missing from the simulator");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd().Split('\n'));
        }

        return Parse(File.ReadAllLines(DataFileLocator.Resolve(explicitPath, DefaultRelativePath, "--route")));
    }

    public static RouteProfile Parse(IEnumerable<string> lines)
    {
        var list = new List<RouteWaypoint>();
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var c = line.Split(',');
            list.Add(new RouteWaypoint(
                double.Parse(c[0], CultureInfo.InvariantCulture),
                double.Parse(c[1], CultureInfo.InvariantCulture),
                c[2],
                c[3]));
        }

        return new RouteProfile(list);
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
