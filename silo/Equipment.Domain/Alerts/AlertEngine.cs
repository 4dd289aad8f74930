using System.Globalization;

namespace Equipment.Domain.Alerts;

/// <summary>
/// Evaluates a machine's rules against its current metrics and keeps the alert book: at most one open alert per
/// rule, ids "{equipmentId}:{ruleId}:{sequence}". All transitions come back as <see cref="AlertEvent"/>s.
/// A metric absent from the input means "no data": a pending raise is reset, an open alert stays open.
/// An open alert whose rule was disabled or removed is cleared on the next evaluation.
/// Shelves (<see cref="AlertShelf"/>) keep a rule or an alert from notifying: the alert is still raised and cleared
/// as usual but carries its shelf; shelves expire on the wall clock at the start of an evaluation.
/// </summary>
public sealed class AlertEngine
{
    public const int MaxRecentlyCleared = 50;

    /// <summary>Ended shelves kept for the audit (the full trail is in InfluxDB's <c>alert</c> measurement).</summary>
    public const int MaxShelfHistory = 50;

    /// <summary>A rate-of-change reference older than this many windows is a data gap, not a slow rate.</summary>
    public const int MaxRateWindows = 10;

    public AlertEngine(string equipmentId, IReadOnlyList<AlertRule> rules, AlertBookState? state = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(equipmentId);
        EquipmentId = equipmentId;
        Rules = rules;
        State = state ?? new AlertBookState();
    }

    public string EquipmentId { get; }
    public IReadOnlyList<AlertRule> Rules { get; }
    public AlertBookState State { get; }

    public IReadOnlyList<Alert> OpenAlerts => State.Open.Values.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    /// <param name="metrics">The twin's metrics as of its newest sample.</param>
    /// <param name="lastTelemetryAt">When telemetry last arrived (receive time), for stale rules only.</param>
    /// <param name="now">Wall clock: stale rules compare it with receive time; raise/clear/ack times are stamped with it.</param>
    /// <param name="measuredAt">
    /// Device time of the newest sample behind <paramref name="metrics"/>. Rates of change and minimum durations are
    /// measured on it, because the values change on device time: a back-filled hour replayed in a minute keeps its
    /// real rates and durations, and a re-evaluation without new data (same device time) neither moves a rate window
    /// nor lengthens a pending duration. A device time older than the rule's reference (late data) is ignored for
    /// that rule. Null falls back to <paramref name="now"/> (for callers without device time).
    /// </param>
    public IReadOnlyList<AlertEvent> Evaluate(IReadOnlyDictionary<string, double> metrics, DateTimeOffset? lastTelemetryAt, DateTimeOffset now,
        DateTimeOffset? measuredAt = null)
    {
        var deviceNow = measuredAt ?? now;
        var events = new List<AlertEvent>();
        foreach (var expired in State.Shelves.Values.Where(s => s.Until <= now).OrderBy(s => s.Until).ToList())
        {
            if (EndShelf(expired, "expired", expired.Until) is { } unshelved) events.Add(unshelved);
        }

        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (!rule.Enabled) continue;
            active.Add(rule.Id);
            State.Runtime.TryGetValue(rule.Id, out var runtime);
            var value = Observe(rule, ref runtime, metrics, lastTelemetryAt, now, deviceNow);
            State.Open.TryGetValue(rule.Id, out var open);
            if (value is not { } v)
            {
                ResetPending(rule.Id, runtime);
                continue;
            }

            if (open is null)
            {
                if (!RaiseHolds(rule, v))
                {
                    ResetPending(rule.Id, runtime);
                    continue;
                }

                var pendingSince = runtime?.PendingSince ?? deviceNow;
                if ((deviceNow - pendingSince).TotalSeconds >= rule.MinDurationS)
                {
                    events.Add(Raise(rule, v, metrics, now));
                    ResetPending(rule.Id, runtime);
                }
                else
                {
                    runtime ??= State.Runtime[rule.Id] = new RuleRuntimeState();
                    runtime.PendingSince = pendingSince;
                }
            }
            else if (ClearHolds(rule, v) && OnlineLongEnough(rule, runtime, now))
            {
                if (rule.Latching && open.State == AlertState.Active)
                {
                    // Nobody has seen it yet: it stays active, marked as back to normal, until acknowledged.
                    if (!open.Latched) State.Open[rule.Id] = open with { Latched = true };
                }
                else
                {
                    events.Add(Clear(open, now));
                    DropOnline(rule.Id);
                }
            }
            else if (open.Latched && !ClearHolds(rule, v))
            {
                State.Open[rule.Id] = open with { Latched = false };
            }
            else if (rule.Kind == AlertRuleKind.DeviceAlarm && RaiseHolds(rule, v) && DeviceAlarmSeverity(v) != open.Severity)
            {
                // The device changed its level: the alert the dashboard shows must carry the new severity.
                events.Add(Clear(open, now));
                events.Add(Raise(rule, v, metrics, now));
            }
        }

        foreach (var orphan in State.Open.Values.Where(a => !active.Contains(a.RuleId)).ToList())
            events.Add(Clear(orphan, now));
        return events;
    }

    /// <summary>Acknowledges an open or cleared-unacknowledged alert; null when unknown or already acknowledged.</summary>
    public AlertEvent? Acknowledge(string alertId, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var open = State.Open.Values.FirstOrDefault(a => a.Id == alertId);
        if (open is not null)
        {
            if (open.State != AlertState.Active) return null;
            var acked = open with { State = AlertState.Acknowledged, AcknowledgedAt = at, AcknowledgedBy = by };
            State.Open[open.RuleId] = acked;
            return new AlertEvent(AlertTransition.Acknowledged, acked, at);
        }

        var index = State.RecentlyCleared.FindIndex(a => a.Id == alertId);
        if (index < 0 || !State.RecentlyCleared[index].ClearedUnacknowledged) return null;
        var ackedCleared = State.RecentlyCleared[index] with { AcknowledgedAt = at, AcknowledgedBy = by };
        State.RecentlyCleared[index] = ackedCleared;
        return new AlertEvent(AlertTransition.Acknowledged, ackedCleared, at);
    }

    /// <summary>
    /// Shelves a rule (<paramref name="alertId"/> null) or one open alert of it until <paramref name="until"/>; a shelf
    /// already on the rule is replaced (and kept in the history). Null when the rule is unknown or the alert not open.
    /// The event is the open alert going under the shelf, if there is one.
    /// </summary>
    public (AlertShelf Shelf, AlertEvent? Event)? Shelve(string ruleId, string? alertId, string by, string reason, DateTimeOffset until, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (until <= now) throw new ArgumentOutOfRangeException(nameof(until), "a shelf must end after it starts.");
        if (!Rules.Any(r => r.Id == ruleId)) return null;
        State.Open.TryGetValue(ruleId, out var open);
        if (alertId is not null && open?.Id != alertId) return null;
        if (State.Shelves.TryGetValue(ruleId, out var previous)) EndShelf(previous, "replaced", now);
        var shelf = new AlertShelf
        {
            EquipmentId = EquipmentId, RuleId = ruleId, AlertId = alertId, By = by, Reason = reason.Trim(), At = now, Until = until,
        };
        State.Shelves[ruleId] = shelf;
        if (State.Open.TryGetValue(ruleId, out open))
        {
            var shelved = open with { Shelf = shelf };
            State.Open[ruleId] = shelved;
            return (shelf, new AlertEvent(AlertTransition.Shelved, shelved, now));
        }

        return (shelf, null);
    }

    /// <summary>Ends the rule's shelf early; null when it has none. The event is its open alert notifying again, if any.</summary>
    public (AlertShelf Shelf, AlertEvent? Event)? Unshelve(string ruleId, string by, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!State.Shelves.TryGetValue(ruleId, out var shelf)) return null;
        var unshelved = EndShelf(shelf, by, now);
        return (State.ShelfHistory[^1], unshelved);
    }

    /// <summary>The earliest time a shelf expires (when an idle twin must evaluate again), or null.</summary>
    public DateTimeOffset? NextShelfExpiry => State.Shelves.Count == 0 ? null : State.Shelves.Values.Min(s => s.Until);

    private AlertEvent? EndShelf(AlertShelf shelf, string endedBy, DateTimeOffset at)
    {
        State.Shelves.Remove(shelf.RuleId);
        State.ShelfHistory.Add(shelf with { EndedAt = at, EndedBy = endedBy });
        if (State.ShelfHistory.Count > MaxShelfHistory) State.ShelfHistory.RemoveRange(0, State.ShelfHistory.Count - MaxShelfHistory);
        if (!State.Open.TryGetValue(shelf.RuleId, out var open) || open.Shelf is null) return null;
        var unshelved = open with { Shelf = null };
        State.Open[shelf.RuleId] = unshelved;
        return new AlertEvent(AlertTransition.Unshelved, unshelved, at);
    }

    /// <summary>Runtime entries exist only while they hold something, to keep idle twins small.</summary>
    private void ResetPending(string ruleId, RuleRuntimeState? runtime)
    {
        if (runtime is null) return;
        runtime.PendingSince = null;
        if (runtime.ReferenceAt is null && runtime.SeenAt is null) State.Runtime.Remove(ruleId);
    }

    /// <summary>A gap of the stale limit or more between two telemetry times starts a new online period.</summary>
    private void TrackOnline(AlertRule rule, ref RuleRuntimeState? runtime, DateTimeOffset last)
    {
        runtime ??= State.Runtime[rule.Id] = new RuleRuntimeState();
        if (runtime.SeenAt is not { } seen) runtime.SeenAt = last;
        else if (last > seen)
        {
            if (runtime.OnlineSince is null || (last - seen).TotalSeconds >= rule.StaleAfterS) runtime.OnlineSince = last;
            runtime.SeenAt = last;
        }
    }

    private static bool OnlineLongEnough(AlertRule rule, RuleRuntimeState? runtime, DateTimeOffset now) =>
        rule.Kind != AlertRuleKind.Stale || rule.MinOnlineS <= 0
        || (runtime?.OnlineSince is { } since && (now - since).TotalSeconds >= rule.MinOnlineS);

    private void DropOnline(string ruleId)
    {
        if (!State.Runtime.TryGetValue(ruleId, out var runtime)) return;
        runtime.OnlineSince = null;
        runtime.SeenAt = null;
        if (runtime.ReferenceAt is null && runtime.PendingSince is null) State.Runtime.Remove(ruleId);
    }

    private double? Observe(AlertRule rule, ref RuleRuntimeState? runtime, IReadOnlyDictionary<string, double> metrics,
        DateTimeOffset? lastTelemetryAt, DateTimeOffset now, DateTimeOffset deviceNow)
    {
        switch (rule.Kind)
        {
            case AlertRuleKind.Stale:
                if (lastTelemetryAt is not { } last) return null;
                if (State.Open.ContainsKey(rule.Id) && rule.MinOnlineS > 0) TrackOnline(rule, ref runtime, last);
                if (rule.SuppressedBy is { } by && metrics.TryGetValue(by, out var suppress) && suppress > 0 && !State.Open.ContainsKey(rule.Id)) return null;
                return (now - last).TotalSeconds;
            case AlertRuleKind.RateOfChange:
                if (!metrics.TryGetValue(rule.Metric, out var current) || !double.IsFinite(current)) return null;
                runtime ??= State.Runtime[rule.Id] = new RuleRuntimeState();
                if (runtime.ReferenceAt is not { } refAt || runtime.ReferenceValue is not { } refValue)
                {
                    runtime.ReferenceAt = deviceNow;
                    runtime.ReferenceValue = current;
                    return null;
                }

                // Late data (older than the reference) says nothing about the rate since the reference.
                var seconds = (deviceNow - refAt).TotalSeconds;
                if (seconds < rule.RateWindowS) return null;

                // A gap of many windows is no rate (the value may have moved at any time in it): start again from here.
                if (seconds > MaxRateWindows * rule.RateWindowS)
                {
                    runtime.ReferenceAt = deviceNow;
                    runtime.ReferenceValue = current;
                    return null;
                }

                runtime.ReferenceAt = deviceNow;
                runtime.ReferenceValue = current;
                return (current - refValue) / (seconds / 60.0);
            default:
                return metrics.TryGetValue(rule.Metric, out var value) && double.IsFinite(value) ? value : null;
        }
    }

    private static bool RaiseHolds(AlertRule rule, double v) => rule.Kind switch
    {
        AlertRuleKind.Stale => v >= rule.StaleAfterS,
        _ => rule.Direction == ThresholdDirection.Above ? v >= rule.RaiseAt : v <= rule.RaiseAt,
    };

    private static bool ClearHolds(AlertRule rule, double v) => rule.Kind switch
    {
        AlertRuleKind.Stale => v < rule.StaleAfterS,
        _ => rule.Direction == ThresholdDirection.Above ? v <= rule.ClearAt : v >= rule.ClearAt,
    };

    /// <summary>GB/T 32960 alarm levels: 1 does not affect driving, 2 limits it, 3 stop now, 4 thermal event.</summary>
    public static AlertSeverity DeviceAlarmSeverity(double level) => level switch
    {
        >= 3 => AlertSeverity.Critical,
        >= 2 => AlertSeverity.Major,
        _ => AlertSeverity.Minor,
    };

    private AlertEvent Raise(AlertRule rule, double value, IReadOnlyDictionary<string, double> metrics, DateTimeOffset now)
    {
        var sequence = State.Sequences.GetValueOrDefault(rule.Id) + 1;
        State.Sequences[rule.Id] = sequence;
        var threshold = rule.Kind == AlertRuleKind.Stale ? rule.StaleAfterS : rule.RaiseAt;
        var alert = new Alert
        {
            Id = $"{EquipmentId}:{rule.Id}:{sequence.ToString(CultureInfo.InvariantCulture)}",
            EquipmentId = EquipmentId,
            RuleId = rule.Id,
            Severity = rule.Kind == AlertRuleKind.DeviceAlarm ? DeviceAlarmSeverity(value) : rule.Severity,
            State = AlertState.Active,
            Message = rule.Kind == AlertRuleKind.DeviceAlarm ? DeviceAlarmMessage(rule, value, metrics) : Message(rule, value, threshold),
            Value = value,
            Threshold = threshold,
            RaisedAt = now,
            Shelf = State.Shelves.TryGetValue(rule.Id, out var shelf) && shelf.AlertId is null ? shelf : null,
        };
        State.Open[rule.Id] = alert;
        return new AlertEvent(AlertTransition.Raised, alert, now);
    }

    private AlertEvent Clear(Alert open, DateTimeOffset now)
    {
        var cleared = open with { State = AlertState.Cleared, ClearedAt = now };
        State.Open.Remove(open.RuleId);

        // An alert's own shelf was about that occurrence; the next raise of the rule notifies again.
        if (State.Shelves.TryGetValue(open.RuleId, out var shelf) && shelf.AlertId == open.Id) EndShelf(shelf, "cleared", now);
        State.RecentlyCleared.Add(cleared);
        if (State.RecentlyCleared.Count > MaxRecentlyCleared)
            State.RecentlyCleared.RemoveRange(0, State.RecentlyCleared.Count - MaxRecentlyCleared);
        return new AlertEvent(AlertTransition.Cleared, cleared, now);
    }

    private static string DeviceAlarmMessage(AlertRule rule, double level, IReadOnlyDictionary<string, double> metrics)
    {
        var what = string.IsNullOrWhiteSpace(rule.Description) ? rule.Id : rule.Description;
        var flags = rule.FlagsMetric is { } name && metrics.TryGetValue(name, out var f) && f is >= 0 and <= uint.MaxValue
            ? DeviceAlarmFlags.Describe((uint)f)
            : [];
        var named = flags.Count == 0 ? "no general flag set" : string.Join(", ", flags);
        return string.Create(CultureInfo.InvariantCulture, $"{what}: level {level:0}: {named}");
    }

    private static string Message(AlertRule rule, double value, double threshold)
    {
        var what = string.IsNullOrWhiteSpace(rule.Description) ? rule.Id : rule.Description;
        return rule.Kind switch
        {
            AlertRuleKind.Stale => string.Create(CultureInfo.InvariantCulture, $"{what}: no telemetry for {value:0} s (limit {threshold:0} s)"),
            AlertRuleKind.RateOfChange => string.Create(CultureInfo.InvariantCulture, $"{what}: {rule.Metric} changing {value:0.##}/min (limit {threshold:0.##}/min)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{what}: {rule.Metric} = {value:0.##} (limit {threshold:0.##})"),
        };
    }
}
