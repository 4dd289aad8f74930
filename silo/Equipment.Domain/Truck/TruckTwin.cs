using Equipment.Domain.Alerts;
using Equipment.Domain.Battery;
using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Truck;

/// <summary>
/// Digital twin of one truck: altitude runs, route position (both directions) and range, brake wear, parked state and
/// alerts. All retained data lives in <see cref="State"/>. Runs and position follow device time; the offline rule and
/// the parked silence follow receive time.
/// </summary>
public sealed class TruckTwin
{
    /// <summary>A measured altitude older than this (device time) no longer stands for the current one; the profile's is used.</summary>
    public static readonly TimeSpan MeasuredAltitudeValidity = TimeSpan.FromSeconds(120);

    private readonly TimeProvider time;
    private readonly AltitudeRunTracker runs;
    private readonly BrakeWearTracker brakes;
    private readonly AlertEngine alerts;
    private readonly RangeEstimator range;
    private readonly RouteTracker? tracker;
    private readonly ChargingSessionTracker charging;
    private readonly List<ChargingSession> closedSessions = [];

    /// <param name="route">The route profile, e.g. <see cref="KnownRoutes.Find"/>(parameters.RouteId); null disables position and range.</param>
    /// <param name="overrides">Rule override layers applied in order, e.g. per kind then per machine.</param>
    public TruckTwin(string equipmentId, TruckParameters parameters, TimeProvider time, RouteProfile? route = null,
        TruckTwinState? state = null, params IEnumerable<AlertRuleOverride>?[] overrides)
    {
        var errors = parameters.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid truck parameters: " + string.Join(" ", errors), nameof(parameters));
        EquipmentId = equipmentId;
        Parameters = parameters;
        Route = route;
        this.time = time;
        State = state ?? new TruckTwinState();
        runs = new AltitudeRunTracker(State.Runs);
        brakes = new BrakeWearTracker(parameters.BrakePadMinMm, State.Brake);
        range = new RangeEstimator(parameters);
        tracker = route is null ? null : new RouteTracker(route, parameters.RouteStartOdometerKm, State.Route);
        charging = new ChargingSessionTracker(parameters.SohConditions(), State.Charging);
        alerts = new AlertEngine(equipmentId, AlertRuleSet.Merge(BuiltInAlertRules.ForTruck(parameters), overrides), State.Alerts);
    }

    public string EquipmentId { get; }
    public TruckParameters Parameters { get; }
    public RouteProfile? Route { get; }
    public TruckTwinState State { get; }

    /// <summary>Closed runs (oldest first, bounded) and the open one.</summary>
    public IReadOnlyList<AltitudeRun> Runs => runs.Runs;

    public IReadOnlyList<Alert> OpenAlerts => alerts.OpenAlerts;

    public IReadOnlyList<AlertRule> Rules => alerts.Rules;

    /// <summary>
    /// Applies a <c>truck</c> sample; returns the run it closed, if any. A sample older than the newest one is late
    /// (re-sent or replayed): it is counted in <see cref="TruckTwinState.LateSamplesIgnored"/> and not applied.
    /// </summary>
    public AltitudeRun? Apply(TruckSample sample)
    {
        State.LastReceivedAt = time.GetUtcNow();
        if (State.ConnectionLostAt is { } lost && sample.Timestamp > lost) State.ConnectionLostAt = null;
        if (State.LastTelemetryAt is { } last && sample.Timestamp < last)
        {
            State.LateSamplesIgnored++;
            return null;
        }

        State.LastTelemetryAt = sample.Timestamp;
        State.Latest = sample.MergeOnto(State.Latest);
        if (sample.AltitudeM is not null) State.LastMeasuredAltitudeAt = sample.Timestamp;
        if (sample.BrakePadMm is { } pad && State.Latest.OdometerKm is { } odo) brakes.Apply(odo, pad);
        if (tracker is not null && (sample.OdometerKm is not null || sample.Lat is not null))
            tracker.Apply(State.Latest.OdometerKm, sample.Lat, sample.Lon);

        if (charging.Apply(State.Latest) is { } session) Closed(session);
        var derived = !AltitudeMeasured && RoutePosition is { OnRoute: true } pos;
        var feed = derived ? State.Latest with { AltitudeM = RoutePosition!.AltitudeM } : State.Latest;
        var wasOpen = State.Runs.Open is not null;
        return WithLeg(runs.Apply(feed, derived), wasOpen);
    }

    /// <summary>Charging sessions (oldest first, bounded) and the open one.</summary>
    public IReadOnlyList<ChargingSession> ChargingSessions => charging.Sessions;

    /// <summary>Not taken by a caller that never asks (the grain takes them after every batch and tick): bounded like the log.</summary>
    private void Closed(ChargingSession session)
    {
        if (closedSessions.Count >= ChargingSessionTracker.MaxSessions) closedSessions.RemoveAt(0);
        closedSessions.Add(session);
    }

    /// <summary>Sessions closed since the last call (the grain writes each as a <c>truck_charge</c> point).</summary>
    public IReadOnlyList<ChargingSession> TakeClosedSessions()
    {
        var taken = closedSessions.ToArray();
        closedSessions.Clear();
        return taken;
    }

    /// <summary>SOH from the closed sessions, with the latest imbalance and insulation figures.</summary>
    public BatteryHealth BatteryHealth()
    {
        var l = State.Latest;
        return BatteryHealthEstimator.Estimate(State.Charging, charging.Conditions) with
        {
            CellSpreadMv = BatteryBalance.CellSpreadMv(l),
            ProbeSpreadC = BatteryBalance.ProbeSpreadC(l),
            InsulationKohm = l.InsulationKohm,
            InsulationOhmPerV = BatteryBalance.InsulationOhmPerV(l),
        };
    }

    /// <summary>
    /// Notes where a run opened and, on a closed run, adds its start and end route km and leg ("From → To", the
    /// waypoints nearest each end) to the returned run and the stored one.
    /// </summary>
    private AltitudeRun? WithLeg(AltitudeRun? closed, bool wasOpen)
    {
        var km = RoutePosition is { OnRoute: true } p ? p.RouteKm : (double?)null;
        if (closed is not null && Route is not null)
        {
            var startKm = State.OpenRunStartRouteKm;
            closed = closed with
            {
                StartRouteKm = startKm,
                EndRouteKm = km,
                Leg = startKm is { } a && km is { } b ? $"{NearestName(a)} → {NearestName(b)}" : null,
            };
            var stored = State.Runs.Closed.FindIndex(r => r.RunId == closed.RunId);
            if (stored >= 0) State.Runs.Closed[stored] = closed;
        }

        if (State.Runs.Open is not null && (!wasOpen || closed is not null)) State.OpenRunStartRouteKm = km;
        return closed;
    }

    private string NearestName(double km) => Route!.Waypoints.MinBy(w => Math.Abs(w.Km - km))!.Name;

    /// <summary>
    /// Closes the open run if the truck has been standing long enough, on the device's clock: the newest device time
    /// plus the wall-clock time since it was received (so replayed or back-filled data never closes a run early).
    /// </summary>
    public AltitudeRun? Tick()
    {
        if (State.LastTelemetryAt is not { } device || State.LastReceivedAt is not { } received) return null;
        var now = device + Max(TimeSpan.Zero, time.GetUtcNow() - received);
        if (charging.Tick(now) is { } session) Closed(session);
        return WithLeg(runs.Tick(now), true);
    }

    /// <summary>Whether the latest altitude is a measurement (altitude_m within <see cref="MeasuredAltitudeValidity"/> of device time).</summary>
    public bool AltitudeMeasured =>
        State.LastMeasuredAltitudeAt is { } at && State.LastTelemetryAt is { } now && now - at <= MeasuredAltitudeValidity;

    public RoutePosition? RoutePosition => tracker?.Position(State.Latest.OdometerKm);

    /// <summary>Altitude now: measured when fresh, else from the route profile at the route position; null if neither.</summary>
    public (double AltitudeM, string Source)? Altitude =>
        AltitudeMeasured && State.Latest.AltitudeM is { } measured ? (measured, "measured")
        : RoutePosition is { OnRoute: true } pos ? (pos.AltitudeM, "derived")
        : null;

    public RangeEstimate? Range =>
        Route is not null && RoutePosition is { OnRoute: true } pos && State.Latest.SocPct is { } soc
            ? range.ToNextChargingPoint(Route, pos.RouteKm, soc, pos.Direction,
                new RangeConditions(State.Latest.AmbientTempC, Altitude?.AltitudeM, State.Latest.BatteryTempC))
            : null;

    public BrakeWear BrakeWear => brakes.Report();

    /// <summary>Climbs of at least 100 m between the truck's position and the end of its route in the direction of travel; empty without a route.</summary>
    public IReadOnlyList<RouteClimb> ClimbsAhead =>
        Route is not null && RoutePosition is { } pos ? Route.ClimbsAhead(pos.RouteKm, 100, pos.Direction) : [];

    /// <summary>
    /// Parked: ignition off, or last seen standing (speed &lt; 1 km/h) and silent for no longer than
    /// <see cref="TruckParameters.ParkedSilenceH"/> (receive time).
    /// </summary>
    public bool IsParked(DateTimeOffset? lastReceivedAt = null)
    {
        var l = State.Latest;
        if (State.LastTelemetryAt is null) return false;
        if (l.Ignition == false) return true;
        if (!(l.SpeedKmh < AltitudeRunTracker.StopSpeedKmh)) return false;
        var seen = lastReceivedAt ?? State.LastReceivedAt ?? State.LastTelemetryAt.Value;
        return (time.GetUtcNow() - seen).TotalHours <= Parameters.ParkedSilenceH;
    }

    public TruckKpis Snapshot() => new()
    {
        At = time.GetUtcNow(),
        LastTelemetryAt = State.LastTelemetryAt,
        Latest = State.Latest,
        CurrentRun = State.Runs.Open is { } open ? AltitudeRunTracker.Summarize(open, null) : null,
        RoutePosition = RoutePosition,
        Range = Range,
        BrakeWear = State.Brake.Latest is null ? null : BrakeWear,
        AltitudeM = Altitude?.AltitudeM,
        AltitudeSource = Altitude?.Source,
        Parked = IsParked(),
        LateSamplesIgnored = State.LateSamplesIgnored,
    };

    /// <summary>
    /// The edge device declared its connection lost (<c>online=false</c>: a Sparkplug B DDEATH/NDEATH) or back
    /// (<c>online=true</c>) at <paramref name="at"/>, device time; see <see cref="Tbm.TbmTwin.ReportConnection"/>.
    /// </summary>
    public void ReportConnection(bool online, DateTimeOffset at)
    {
        if (online) State.ConnectionLostAt = null;
        else if (State.LastTelemetryAt is not { } last || at >= last) State.ConnectionLostAt = at;
    }

    /// <summary>The values the alert rules look at, by <see cref="TruckMetrics"/> name; absent = no data.</summary>
    public IReadOnlyDictionary<string, double> Metrics(DateTimeOffset? lastReceivedAt = null)
    {
        var l = State.Latest;
        var m = new Dictionary<string, double>();
        if (l.BatteryTempC is { } bt) m[TruckMetrics.BatteryTempC] = bt;
        if (l.MotorTempC is { } mt) m[TruckMetrics.MotorTempC] = mt;
        if (l.InverterTempC is { } it) m[TruckMetrics.InverterTempC] = it;
        if (l.SocPct is { } soc) m[TruckMetrics.SocPct] = soc;
        if (l.BrakePadMm is { } pad) m[TruckMetrics.BrakePadMm] = pad;
        if (l.AlarmLevel is { } level) m[TruckMetrics.AlarmLevel] = level;
        if (l.AlarmFlags is { } flags) m[TruckMetrics.AlarmFlags] = flags;
        if (BatteryBalance.CellSpreadMv(l) is { } spread) m[TruckMetrics.CellSpreadMv] = spread;
        if (BatteryBalance.ProbeSpreadC(l) is { } probes) m[TruckMetrics.ProbeSpreadC] = probes;
        if (BatteryBalance.InsulationOhmPerV(l) is { } iso) m[TruckMetrics.InsulationOhmPerV] = iso;
        // At a charging point the truck can charge before the next leg: the margin counts again once it leaves. Nor is
        // there a verdict while the direction is only assumed (first seen mid-route by lat/lon, no odometer fold).
        if (Range is { AtChargingPointName: null } r && RoutePosition is { DirectionKnown: true }) m[TruckMetrics.SocMarginPct] = r.SocMarginPct;
        m[TruckMetrics.Parked] = IsParked(lastReceivedAt) ? 1 : 0;
        if (State.ConnectionLostAt is not null) m[BuiltInAlertRules.ConnectionLostMetric] = 1;
        return m;
    }

    /// <param name="lastReceivedAt">
    /// When telemetry last arrived, for the offline rule; replayed or back-filled data carries old timestamps, so
    /// receive time is the truer sign of life. Without it the twin's own receive time stands in.
    /// </param>
    public IReadOnlyList<AlertEvent> EvaluateAlerts(DateTimeOffset? lastReceivedAt = null) =>
        alerts.Evaluate(Metrics(lastReceivedAt), lastReceivedAt ?? State.LastReceivedAt ?? State.LastTelemetryAt, time.GetUtcNow(), State.LastTelemetryAt);

    public AlertEvent? Acknowledge(string alertId, string by) => alerts.Acknowledge(alertId, by, time.GetUtcNow());

    /// <summary>Shelves a rule (alertId null) or one open alert for <paramref name="duration"/> from now; null when unknown.</summary>
    public (AlertShelf Shelf, AlertEvent? Event)? Shelve(string ruleId, string? alertId, string by, string reason, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        return alerts.Shelve(ruleId, alertId, by, reason, now + duration, now);
    }

    public (AlertShelf Shelf, AlertEvent? Event)? Unshelve(string ruleId, string by) => alerts.Unshelve(ruleId, by, time.GetUtcNow());

    /// <summary>Shelves in force, then the ended ones (audit), newest last.</summary>
    public IReadOnlyList<AlertShelf> Shelves => [.. State.Alerts.Shelves.Values.OrderBy(s => s.At), .. State.Alerts.ShelfHistory];

    public DateTimeOffset? NextShelfExpiry => alerts.NextShelfExpiry;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
