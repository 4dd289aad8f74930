using Equipment.Domain.Alerts;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tbm;

/// <summary>
/// Digital twin of one TBM: feeds samples to the KPI, stroke and cutter trackers and evaluates alerts.
/// Holds no state of its own beyond <see cref="State"/>, so a grain can persist that and rebuild the twin from it.
/// </summary>
public sealed class TbmTwin
{
    private readonly TimeProvider time;
    private readonly TbmKpiTracker kpi;
    private readonly StrokeTracker strokes;
    private readonly CutterWearTracker cutters;
    private readonly AlertEngine alerts;
    private readonly StrokeClassifier classifier;

    /// <param name="overrides">Rule override layers applied in order, e.g. per kind then per machine.</param>
    public TbmTwin(string equipmentId, TbmParameters parameters, TimeProvider time, TbmTwinState? state = null,
        params IEnumerable<AlertRuleOverride>?[] overrides)
    {
        var errors = parameters.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid TBM parameters: " + string.Join(" ", errors), nameof(parameters));
        EquipmentId = equipmentId;
        Parameters = parameters;
        this.time = time;
        State = state ?? new TbmTwinState();
        kpi = new TbmKpiTracker(parameters, State.Kpi);
        strokes = new StrokeTracker(parameters, State.Strokes);
        cutters = new CutterWearTracker(parameters, State.Cutters);
        classifier = new StrokeClassifier(parameters);
        alerts = new AlertEngine(equipmentId, AlertRuleSet.Merge(BuiltInAlertRules.ForTbm(parameters), overrides), State.Alerts);
    }

    public string EquipmentId { get; }
    public TbmParameters Parameters { get; }
    public TbmTwinState State { get; }

    /// <summary>Closed strokes (oldest first, bounded) plus the open one.</summary>
    public IReadOnlyList<StrokeSummary> Strokes => strokes.Strokes;

    public IReadOnlyList<CutterWear> CutterWear => cutters.Report(State.Kpi.TotalRevolutions);

    public IReadOnlyList<Alert> OpenAlerts => alerts.OpenAlerts;

    public IReadOnlyList<AlertRule> Rules => alerts.Rules;

    /// <summary>
    /// Applies a <c>tbm</c> sample; returns the stroke it closed, if any. <c>stroke</c> and <c>boring</c> are states, so a
    /// line without them inherits the last reported values; measured fields are never carried over (that would count a
    /// value twice in the stroke's mean).
    /// </summary>
    public StrokeSummary? Apply(TbmSample sample)
    {
        if (State.LastTelemetryAt is not { } last || sample.Timestamp > last) State.LastTelemetryAt = sample.Timestamp;
        var previous = State.Kpi.Latest;
        if (!kpi.Apply(sample)) return null;
        return strokes.Apply(sample with { Stroke = sample.Stroke ?? previous.Stroke, Boring = sample.Boring ?? previous.Boring });
    }

    /// <summary>Applies a <c>tbm_cutter</c> sample at the current chainage; false when it names no valid position.</summary>
    public bool Apply(CutterSample sample)
    {
        if (State.LastTelemetryAt is not { } last || sample.Timestamp > last) State.LastTelemetryAt = sample.Timestamp;
        return cutters.Apply(sample, State.Kpi.LastChainageM, State.Kpi.TotalRevolutions);
    }

    public TbmKpis Snapshot()
    {
        var now = time.GetUtcNow();
        var latest = State.Kpi.Latest;
        var n = Parameters.CutterCount;
        var (shift, previousShift, day, previousDay) = kpi.PeriodsAt(now);

        // Device time of the newest sample: boring seconds and standstill start are device time, so their ratios and
        // durations are taken against it, not against the wall clock.
        var deviceNow = State.Kpi.LastSampleAt;

        // Ratios over penetration only while cutting with a meaningful penetration; otherwise absent, not 0 or huge.
        var cutting = State.Kpi.WasBoring && latest.PenetrationMmRev >= Parameters.MinPenetrationForKpisMmRev;
        var p = cutting ? latest.PenetrationMmRev : null;
        double? ratio = p is { } pr && latest is { ThrustKn: { } f, TorqueKnm: { } t } ? classifier.TorqueRatio(pr, f, t) : null;
        return new TbmKpis
        {
            At = now,
            LastTelemetryAt = State.LastTelemetryAt,
            ChainageM = latest.ChainageM,
            Stroke = latest.Stroke,
            Boring = State.Kpi.WasBoring,
            StandstillSince = State.Kpi.StandstillSince,
            StandstillS = State.Kpi.StandstillSince is { } since && deviceNow is { } dn ? (dn - since).TotalSeconds : null,
            BoringAdvanceRateMPerH = State.Kpi.BoringAdvanceRateMPerH,
            PenetrationMmRev = latest.PenetrationMmRev,
            ThrustKn = latest.ThrustKn,
            ThrustPerCutterKn = latest.ThrustKn is { } thrust ? TbmFormulas.ThrustPerCutterKn(thrust, n) : null,
            TorqueKnm = latest.TorqueKnm,
            Rpm = latest.Rpm,
            TorqueRatio = ratio,
            FieldPenetrationIndex = p is { } p2 && latest.ThrustKn is { } f2 ? TbmFormulas.FieldPenetrationIndex(f2, n, p2) : null,
            SpecificEnergyMjPerM3 = p is { } p3 && latest is { ThrustKn: { } f3, TorqueKnm: { } t3 }
                ? TbmFormulas.SpecificEnergyMjPerM3(f3, t3, p3, Parameters.CutterheadDiameterM)
                : null,
            ShiftAdvanceM = shift.AdvanceM,
            ShiftUtilisation = deviceNow is { } ds ? shift.Utilisation(ds) : null,
            Shift = shift,
            PreviousShift = previousShift,
            DayAdvanceM = day.AdvanceM,
            DayTargetM = Parameters.AdvanceTargetMPerDay,
            DayUtilisation = deviceNow is { } dd ? day.Utilisation(dd) : null,
            Day = day,
            PreviousDay = previousDay,
            ConsecutiveExceptionalStrokes = State.Strokes.ConsecutiveExceptional,
            MaxCutterWearMm = cutters.MaxWearMm,
        };
    }

    /// <summary>The values the alert rules look at, by <see cref="TbmMetrics"/> name; absent = no data.</summary>
    public IReadOnlyDictionary<string, double> Metrics()
    {
        var latest = State.Kpi.Latest;
        var m = new Dictionary<string, double>
        {
            [TbmMetrics.ConsecutiveExceptionalStrokes] = State.Strokes.ConsecutiveExceptional,
        };
        if (latest.ThrustKn is { } f) m[TbmMetrics.ThrustPerCutterKn] = TbmFormulas.ThrustPerCutterKn(f, Parameters.CutterCount);
        if (latest.TorqueKnm is { } t) m[TbmMetrics.TorqueKnm] = t;
        if (State.Kpi.WasBoring && State.Kpi.BoringAdvanceRateMPerH is { } rate) m[TbmMetrics.BoringAdvanceRateMPerH] = rate;
        if (cutters.MaxWearMm is { } wear) m[TbmMetrics.MaxCutterWearMm] = wear;
        if (cutters.MaxWearPctOfLimit is { } pct) m[TbmMetrics.MaxCutterWearPctOfLimit] = pct;
        if (latest.GearOilTempC is { } gear) m[TbmMetrics.GearOilTempC] = gear;
        if (latest.HydraulicOilTempC is { } hyd) m[TbmMetrics.HydraulicOilTempC] = hyd;
        if (latest.MainBearingTempC is { } bearing) m[TbmMetrics.MainBearingTempC] = bearing;
        return m;
    }

    /// <param name="lastReceivedAt">
    /// When telemetry last arrived, for the offline rule; replayed or back-filled data carries old timestamps, so
    /// receive time is the truer sign of life. Without it the newest measurement time stands in.
    /// </param>
    public IReadOnlyList<AlertEvent> EvaluateAlerts(DateTimeOffset? lastReceivedAt = null) =>
        alerts.Evaluate(Metrics(), lastReceivedAt ?? State.LastTelemetryAt, time.GetUtcNow(), State.LastTelemetryAt);

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
}
