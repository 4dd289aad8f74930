using Equipment.Domain.Alerts;
using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Truck;

/// <summary>
/// Digital twin of one truck: altitude runs, route position and range, brake wear and alerts.
/// All retained data lives in <see cref="State"/>.
/// </summary>
public sealed class TruckTwin
{
    private readonly TimeProvider time;
    private readonly AltitudeRunTracker runs;
    private readonly BrakeWearTracker brakes;
    private readonly AlertEngine alerts;
    private readonly RangeEstimator range;

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

    /// <summary>Applies a <c>truck</c> sample; returns the run it closed, if any. Samples older than the last are ignored.</summary>
    public AltitudeRun? Apply(TruckSample sample)
    {
        if (State.LastTelemetryAt is { } last && sample.Timestamp < last) return null;
        State.LastTelemetryAt = sample.Timestamp;
        State.Latest = sample.MergeOnto(State.Latest);
        if (sample.BrakePadMm is { } pad && State.Latest.OdometerKm is { } odo) brakes.Apply(odo, pad);
        return runs.Apply(State.Latest);
    }

    /// <summary>Closes the open run if the truck has been standing long enough; call periodically (e.g. with alert evaluation).</summary>
    public AltitudeRun? Tick() => runs.Tick(time.GetUtcNow());

    public RoutePosition? RoutePosition =>
        Route is not null && State.Latest.OdometerKm is { } odo ? Route.PositionAt(odo, Parameters.RouteStartOdometerKm) : null;

    public RangeEstimate? Range =>
        Route is not null && RoutePosition is { OnRoute: true } pos && State.Latest.SocPct is { } soc
            ? range.ToNextChargingPoint(Route, pos.RouteKm, soc)
            : null;

    public BrakeWear BrakeWear => brakes.Report();

    /// <summary>Climbs of at least 100 m between the truck's position and the end of its route; empty without a route.</summary>
    public IReadOnlyList<RouteClimb> ClimbsAhead =>
        Route is not null && RoutePosition is { } pos ? Route.ClimbsAhead(pos.RouteKm) : [];

    public TruckKpis Snapshot() => new()
    {
        At = time.GetUtcNow(),
        LastTelemetryAt = State.LastTelemetryAt,
        Latest = State.Latest,
        CurrentRun = State.Runs.Open is { } open ? AltitudeRunTracker.Summarize(open, null) : null,
        RoutePosition = RoutePosition,
        Range = Range,
        BrakeWear = State.Brake.Latest is null ? null : BrakeWear,
    };

    /// <summary>The values the alert rules look at, by <see cref="TruckMetrics"/> name; absent = no data.</summary>
    public IReadOnlyDictionary<string, double> Metrics()
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
        if (Range is { } r) m[TruckMetrics.SocMarginPct] = r.SocMarginPct;
        return m;
    }

    /// <param name="lastReceivedAt">
    /// When telemetry last arrived, for the offline rule; replayed or back-filled data carries old timestamps, so
    /// receive time is the truer sign of life. Without it the newest measurement time stands in.
    /// </param>
    public IReadOnlyList<AlertEvent> EvaluateAlerts(DateTimeOffset? lastReceivedAt = null) =>
        alerts.Evaluate(Metrics(), lastReceivedAt ?? State.LastTelemetryAt, time.GetUtcNow(), State.LastTelemetryAt);

    public AlertEvent? Acknowledge(string alertId, string by) => alerts.Acknowledge(alertId, by, time.GetUtcNow());
}
