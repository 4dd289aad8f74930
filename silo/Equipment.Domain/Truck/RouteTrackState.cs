namespace Equipment.Domain.Truck;

/// <summary>Where the route tracker has placed the truck: an anchor (route km at an odometer reading) and a direction.</summary>
public sealed class RouteTrackState
{
    /// <summary>+1 towards larger route km, −1 back towards the start.</summary>
    public int Direction { get; set; } = 1;

    /// <summary>
    /// Whether <see cref="Direction"/> is known (from the registration's odometer fold, a route end, two waypoints or the
    /// trend of the position) rather than assumed: a truck first seen mid-route by lat/lon alone could go either way.
    /// </summary>
    public bool DirectionKnown { get; set; }

    public double? AnchorKm { get; set; }
    public double? AnchorOdometerKm { get; set; }

    /// <summary>"odometer" (from the registration), "waypoint" (lat/lon near a waypoint), "projection" (lat/lon on the route line), "end" (turned at a route end).</summary>
    public string? AnchorSource { get; set; }

    /// <summary>Route km of the waypoint last anchored at, and of the waypoint of the current approach (null when none is within reach).</summary>
    public double? LastWaypointKm { get; set; }
    public double? PassWaypointKm { get; set; }
    public double? PassBestDistanceKm { get; set; }
    public double? PassBestOdometerKm { get; set; }

    /// <summary>Whether the current approach has set the anchor already.</summary>
    public bool PassAnchored { get; set; }

    /// <summary>Reference for the direction trend: odometer and projected route km.</summary>
    public double? TrendOdometerKm { get; set; }
    public double? TrendProjectedKm { get; set; }

    /// <summary>Position from lat/lon alone, for a truck without an odometer.</summary>
    public double? ProjectedKm { get; set; }
}
