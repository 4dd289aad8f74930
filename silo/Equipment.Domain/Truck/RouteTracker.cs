using Equipment.Domain.Routes;

namespace Equipment.Domain.Truck;

/// <summary>
/// Places a truck on its route in either direction of travel. Between fixes the route km is dead-reckoned from the
/// odometer: km = anchor km + direction · (odometer − anchor odometer). The anchor is
/// <list type="bullet">
/// <item>at first the registration's odometer at route km 0 (a round trip folded back at the route's ends), or the
/// position projected on the route line when the first sample carries lat/lon;</item>
/// <item>re-set at the closest approach to a waypoint within <see cref="AnchorRadiusKm"/> (from lat/lon), so odometer
/// drift (tyre wear, detours, a few per mille) never accumulates over more than one leg;</item>
/// <item>turned round at the route's ends (the road ends there).</item>
/// </list>
/// Direction: the sign of the km between two waypoints anchored in a row, or the trend of the position projected on
/// the route line over at least <see cref="TrendBaseKm"/> of driving when it moved by at least half of that
/// (hairpins and GNSS noise move the projection back and forth, a U-turn moves it steadily the other way).
/// Feed it samples in device-time order.
/// </summary>
public sealed class RouteTracker(RouteProfile route, double routeStartOdometerKm, RouteTrackState state)
{
    public const double AnchorRadiusKm = 3.0;
    public const double MaxProjectionDistanceKm = 5.0;
    public const double TrendBaseKm = 5.0;

    /// <summary>The registration's odometer fold gives the first direction when it lies this close to the lat/lon position (odometer drift over a trip).</summary>
    public const double RegistrationAgreementKm = 50.0;

    /// <summary>Moving this much further from a waypoint than the closest approach means it has been passed.</summary>
    public const double PassedByKm = 0.3;

    public RouteTrackState State { get; } = state;

    public RouteProfile Route { get; } = route;

    public void Apply(double? odometerKm, double? lat, double? lon)
    {
        var s = State;
        (double Km, double DistanceKm)? projected = lat is { } la && lon is { } lo ? Route.Project(la, lo) : null;
        if (projected is { } pr && pr.DistanceKm <= MaxProjectionDistanceKm) s.ProjectedKm = pr.Km;
        else projected = null;
        if (odometerKm is not { } odo) return;

        if (s.AnchorKm is null || s.AnchorOdometerKm is null)
        {
            if (projected is { } p)
            {
                Anchor(p.Km, odo, "projection");

                // The registration's fold tells the direction if it puts the truck where lat/lon does.
                if (FoldFromRegistration(odo) is { } fold && Math.Abs(fold.Km - p.Km) <= RegistrationAgreementKm) SetDirection(fold.Direction);
            }
            else
            {
                AnchorFromRegistration(odo);
            }
        }

        FoldAtEnds(odo);
        if (lat is { } latV && lon is { } lonV) ReanchorNearWaypoint(odo, latV, lonV);
        if (projected is { } q) FollowTrend(odo, q.Km);
    }

    /// <summary>Dead-reckoned route km (unclamped) at an odometer reading; null before the first odometer.</summary>
    public double? KmAt(double? odometerKm)
    {
        if (odometerKm is not { } odo || State.AnchorKm is not { } km || State.AnchorOdometerKm is not { } anchorOdo) return State.ProjectedKm;
        return km + State.Direction * (odo - anchorOdo);
    }

    public RoutePosition? Position(double? odometerKm)
    {
        if (KmAt(odometerKm) is not { } km) return null;
        var source = State.AnchorKm is null ? "projection" : State.AnchorSource;
        return Route.PositionAtKm(km, State.Direction) with { Source = source, AnchoredAtKm = State.LastWaypointKm, DirectionKnown = State.DirectionKnown };
    }

    private void Anchor(double km, double odo, string source)
    {
        State.AnchorKm = km;
        State.AnchorOdometerKm = odo;
        State.AnchorSource = source;
    }

    /// <summary>km = odometer − registration offset, folded at the ends: a truck that drove past the end came back.</summary>
    private void AnchorFromRegistration(double odo)
    {
        if (FoldFromRegistration(odo) is { } fold)
        {
            SetDirection(fold.Direction);
            Anchor(fold.Km, odo, "odometer");
            return;
        }

        Anchor(Route.StartKm + (odo - routeStartOdometerKm), odo, "odometer");
        State.Direction = 1;
    }

    private (double Km, int Direction)? FoldFromRegistration(double odo)
    {
        var length = Route.LengthKm;
        var raw = odo - routeStartOdometerKm;
        if (raw < 0 || length <= 0) return null;
        var r = raw % (2 * length);
        return r <= length ? (Route.StartKm + r, 1) : (Route.StartKm + (2 * length) - r, -1);
    }

    private void FoldAtEnds(double odo)
    {
        var km = KmAt(odo)!.Value;
        if (km > Route.EndKm && State.Direction > 0)
        {
            Anchor(Route.EndKm, odo - (km - Route.EndKm), "end");
            SetDirection(-1);
        }
        else if (km < Route.StartKm && State.Direction < 0)
        {
            Anchor(Route.StartKm, odo - (Route.StartKm - km), "end");
            SetDirection(1);
        }
    }

    /// <summary>
    /// Within <see cref="AnchorRadiusKm"/> of a waypoint, remembers the odometer at the closest approach; once the truck
    /// moves away again (or leaves the radius) the anchor is set there: the waypoint's km at that odometer reading.
    /// </summary>
    private void ReanchorNearWaypoint(double odo, double lat, double lon)
    {
        var s = State;
        var near = Route.NearestWaypoint(lat, lon);
        var inReach = near is { } n && n.DistanceKm <= AnchorRadiusKm;
        if (s.PassWaypointKm is { } passKm && (!inReach || near!.Value.Waypoint.Km != passKm))
        {
            FinishPass();
        }

        if (!inReach) return;
        var (wp, distance) = near!.Value;
        if (s.PassWaypointKm is null)
        {
            s.PassWaypointKm = wp.Km;
            s.PassBestDistanceKm = distance;
            s.PassBestOdometerKm = odo;
            s.PassAnchored = false;
        }
        else if (distance < s.PassBestDistanceKm)
        {
            s.PassBestDistanceKm = distance;
            s.PassBestOdometerKm = odo;
        }
        else if (!s.PassAnchored && distance > s.PassBestDistanceKm + PassedByKm)
        {
            AnchorAtPass();
        }
    }

    private void FinishPass()
    {
        if (!State.PassAnchored) AnchorAtPass();
        State.PassWaypointKm = null;
        State.PassBestDistanceKm = null;
        State.PassBestOdometerKm = null;
        State.PassAnchored = false;
    }

    private void AnchorAtPass()
    {
        var s = State;
        if (s.PassWaypointKm is not { } km || s.PassBestOdometerKm is not { } odo) return;
        if (s.LastWaypointKm is { } previous && previous != km) SetDirection(Math.Sign(km - previous));
        s.LastWaypointKm = km;
        s.PassAnchored = true;
        Anchor(km, odo, "waypoint");
    }

    private void FollowTrend(double odo, double projectedKm)
    {
        var s = State;
        if (s.TrendOdometerKm is not { } refOdo || s.TrendProjectedKm is not { } refKm || odo < refOdo)
        {
            s.TrendOdometerKm = odo;
            s.TrendProjectedKm = projectedKm;
            return;
        }

        var driven = odo - refOdo;
        if (driven < TrendBaseKm) return;
        var moved = projectedKm - refKm;
        s.TrendOdometerKm = odo;
        s.TrendProjectedKm = projectedKm;
        if (Math.Abs(moved) < 0.5 * driven) return;
        var direction = Math.Sign(moved);
        if (direction != s.Direction)
        {
            // Dead reckoning ran the wrong way since the turn: restart from where lat/lon puts the truck.
            SetDirection(direction);
            Anchor(projectedKm, odo, "projection");
        }
    }

    private void SetDirection(int direction)
    {
        if (direction == 0) return;
        State.Direction = direction;
        State.DirectionKnown = true;
    }
}
