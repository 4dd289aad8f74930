using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;
using Equipment.Grains.Influx;
using Equipment.Grains.Live;
using Equipment.Grains.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Grains.Grains;

/// <summary>
/// What the TBM and truck twins share. A batch is applied to the live state and the twin synchronously
/// (so interleaved calls never see half of one), its lines and whatever the twin derived (strokes, runs,
/// KPIs, alert transitions) go to the silo's InfluxDB writer, and the call completes once InfluxDB has
/// them. Alert transitions are persisted before they are announced, so a silo restart loses none.
/// Each twin keeps its own time: while active, a timer every <c>Twins:TickSeconds</c> re-evaluates the time-based
/// rules (offline, run end) and saves state at most every <see cref="SaveInterval"/>. An idle twin is deactivated
/// (saving its state and live values); if something time-based is still due it registers a reminder that wakes it
/// when it is (see <see cref="WakeDue"/>), so offline is noticed for deactivated machines without any grain visiting
/// every twin. Snapshots and alert transitions go to this silo's fan-out worker; the summary for lists goes to the
/// machine's directory shard.
/// </summary>
public abstract class EquipmentGrain<TState>(ITelemetryWriter writer, TimeProvider time, IPersistentState<TState> state, TwinOptions options)
    : Grain, IEquipmentGrain, IRemindable
    where TState : EquipmentGrainState, new()
{
    /// <summary>The reminder a deactivated twin leaves when time-based work is still due.</summary>
    public const string WakeReminder = "wake";

    /// <summary>Reminders fire at most once a minute (Orleans' minimum period); a woken twin stops its reminder once nothing is due.</summary>
    private static readonly TimeSpan WakePeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long past the due time a twin keeps waking to let a rule with a minimum duration complete.</summary>
    private static readonly TimeSpan WakeGrace = TimeSpan.FromMinutes(3);

    /// <summary>Fields a summary (what lists and the overview cards show) carries; the rest stay with the twin.</summary>
    private static readonly string[] SummaryFields =
        ["soc_pct", "speed_kmh", "power_kw", "altitude_m", "chainage_m", "thrust_kn", "torque_knm", "boring"];

    /// <summary>Snapshots go to the dashboards at most this often per machine.</summary>
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>KPI lines go to InfluxDB at most this often per machine.</summary>
    private static readonly TimeSpan KpiInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Twin state (KPI periods, strokes, runs) is saved by the sweep at most this often; serialising every twin on
    /// every sweep cost the silo about a third of a core with 400 busy machines. Alert transitions and
    /// registrations are saved at once regardless.
    /// </summary>
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(60);

    /// <summary>Gateway spools whose applied position a twin keeps (one per gateway normally).</summary>
    private const int MaxSpools = 32;

    private readonly LiveState _live = new();
    private Task? _registration;
    private Task? _saving;
    private bool _dirty;
    private DateTimeOffset _lastSnapshot = DateTimeOffset.MinValue;
    private DateTimeOffset _lastKpi = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSaved = DateTimeOffset.MinValue;
    private IGrainTimer? _snapshotTimer;
    private DateTimeOffset _lastSummary = DateTimeOffset.MinValue;
    private bool _receivedSinceActivation;
    private ByteBuffer? _unstored;
    private SiloMetrics? _metrics;

    protected abstract string Kind { get; }

    protected TState State => state.State;

    protected string Id => this.GetPrimaryKeyString();

    protected TimeProvider Time => time;

    protected ITelemetryWriter Writer => writer;

    private SiloMetrics Metrics => _metrics ??= ServiceProvider.GetRequiredService<SiloMetrics>();

    /// <summary>When telemetry last arrived (receive time), across deactivations; null before the first batch.</summary>
    protected DateTimeOffset? LastReceivedAt => _live.LastSeen ?? State.LastReceivedAt;

    /// <summary>The site or fleet: the registered one, else the last one telemetry carried.</summary>
    protected string? Group => (Kind == "tbm" ? State.Registration.Site : State.Registration.Fleet) ?? _live.Group;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        BuildTwin();
        if (State.LastLive is { } saved)
        {
            _live.Restore(saved);
        }

        // Spread the twins' ticks over the interval so a silo with thousands of them does not tick them all at once.
        var tick = TimeSpan.FromSeconds(options.TickSeconds);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(tick * (0.5 + Random.Shared.NextDouble()), tick) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        try
        {
            var now = time.GetUtcNow();
            if (_live.LastSeen is not null)
            {
                State.LastLive = _live.ToSnapshot(Id, Kind);
                _dirty = true;
            }

            try
            {
                if (WakeDue(now) is { } due)
                {
                    await this.RegisterOrUpdateReminder(WakeReminder, due > now ? due - now : TimeSpan.FromSeconds(1), WakePeriod);
                    State.WakeRegistered = true;
                    _dirty = true;
                }
                else if (State.WakeRegistered)
                {
                    await StopWakingAsync();
                }
            }
            catch (Exception) when (shuttingDown)
            {
                // A stopping silo may have stopped its reminder service first; the state below is still saved, and
                // the twin's next activation (its next telemetry) decides again.
            }

            // A whole silo leaving would send thousands of summaries to shards that are leaving too; they flushed already.
            if (!shuttingDown)
            {
                await PublishSummaryAsync(now);
            }
        }
        finally
        {
            if (_dirty)
            {
                await SaveAsync();
            }
        }
    }

    /// <summary>A deactivated twin's wake-up: evaluate now, and stop the reminder once nothing time-based is due.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WakeReminder)
        {
            return;
        }

        await TickAsync(CancellationToken.None);

        // A twin that is reporting again leaves the decision to its next deactivation.
        if (_receivedSinceActivation || WakeDue(time.GetUtcNow()) is null)
        {
            await StopWakingAsync();
            await SaveAsync();
        }
    }

    public async Task Ingest(TelemetryBatch batch)
    {
        var now = time.GetUtcNow();
        var fresh = Unapplied(batch);
        State.LastReceivedAt = now;
        _receivedSinceActivation = true;
        Metrics.IngestCalls.Add(1);
        Metrics.IngestPoints.Record(batch.Points);
        using var derived = new ByteBuffer(256);
        IReadOnlyList<AlertEvent> events = [];
        if (!fresh.IsEmpty)
        {
            _live.Apply(fresh.Span, now);
            ApplyToTwin(fresh.Span, derived);
            events = EvaluateAlerts();
            WriteAlertLines(events, derived);
            if (now - _lastKpi >= KpiInterval)
            {
                _lastKpi = now;
                WriteKpiLine(derived, LineProtocolWriter.ToNanoseconds(now));
            }

            _dirty = true;
        }

        if (_unstored is { } unstored)
        {
            // Derived lines whose write failed: the redelivery that follows skips the twin, so they go out with it.
            _unstored = null;
            derived.Write(unstored.WrittenSpan);
            unstored.Dispose();
        }

        // Every line goes to InfluxDB, applied before or not: a redelivery is what stores lines a failed write lost.
        var stored = writer.WriteAsync(batch.Lines, batch.Points);
        var storedDerived = derived.Length > 0 ? writer.WriteAsync(derived.WrittenMemory, CountLines(derived.WrittenSpan)) : Task.CompletedTask;
        EnsureRegistered();
        if (!fresh.IsEmpty)
        {
            PublishSnapshotSoon(now);
        }

        if (events.Count > 0)
        {
            await AnnounceAsync(events);
        }
        else if (now - _lastSummary >= TimeSpan.FromSeconds(options.SummarySeconds))
        {
            PublishSummaryAsync(now).Ignore();
        }

        try
        {
            await Task.WhenAll(stored, storedDerived);
        }
        catch when (storedDerived.IsFaulted)
        {
            (_unstored ??= new ByteBuffer(derived.Length)).Write(derived.WrittenSpan);
            throw;
        }

        // Stored must also mean listed: a client that got its 204 can look the machine up at once.
        await _registration!;
    }

    public Task<EquipmentSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task Register(EquipmentRegistration registration)
    {
        registration.Kind = Kind;
        var previousVin = State.Registration.Vin;
        State.Registration = registration;
        if (previousVin is not null && previousVin != registration.Vin)
        {
            await GrainFactory.GetGrain<IVinRegistryGrain>(previousVin).Unbind(Id);
        }

        if (registration.Vin is { } vin)
        {
            // The binding is what the GB/T 32960 listener trusts: written before the registration is answered.
            await GrainFactory.GetGrain<IVinRegistryGrain>(vin).Bind(new VinBinding(Id, registration.Site ?? registration.Fleet, registration.Gbt32960Key));
        }

        BuildTwin();
        await SaveAsync();
        _registration = null;
        EnsureRegistered();
        await _registration!;
        PublishSnapshotSoon(time.GetUtcNow());
    }

    public Task<EquipmentRegistration> GetRegistration() => Task.FromResult(State.Registration);

    public async Task<Alert?> Acknowledge(string alertId, string by)
    {
        var transition = AcknowledgeAlert(alertId, by);
        if (transition is null)
        {
            return null;
        }

        // A latched alert is back to normal already: the acknowledgement is what clears it, at once.
        var events = new List<AlertEvent> { transition };
        if (transition.Alert.Latched)
        {
            events.AddRange(EvaluateAlerts());
        }

        using var derived = new ByteBuffer(256);
        WriteAlertLines(events, derived);
        await AnnounceAsync(events);
        await writer.WriteAsync(derived.WrittenMemory, events.Count);
        return events.Last(e => e.Alert.Id == alertId).Alert;
    }

    public async Task<AlertShelf?> Shelve(string ruleId, string? alertId, string by, string reason, TimeSpan duration)
    {
        if (ShelveAlert(ruleId, alertId, by, reason, duration) is not { } result)
        {
            return null;
        }

        await RecordShelfAsync(result.Shelf, "shelved", result.Event);
        return result.Shelf;
    }

    public async Task<AlertShelf?> Unshelve(string ruleId, string by)
    {
        if (UnshelveAlert(ruleId, by) is not { } result)
        {
            return null;
        }

        await RecordShelfAsync(result.Shelf, "unshelved", result.Event);
        return result.Shelf;
    }

    public Task<AlertShelf[]> GetShelves() => Task.FromResult(ShelfList.ToArray());

    public Task<AlertRule[]> GetRules() => Task.FromResult(Rules.ToArray());

    /// <summary>
    /// The shelf change goes to the twin's state, InfluxDB's <c>alert_shelf</c> measurement (the audit: who, when,
    /// why, until) and the alert book's list of shelves; an open alert's change is announced like any transition.
    /// </summary>
    private async Task RecordShelfAsync(AlertShelf shelf, string action, AlertEvent? transition)
    {
        using var derived = new ByteBuffer(256);
        WriteShelfLine(shelf, action, derived);
        if (transition is not null)
        {
            WriteAlertLines([transition], derived);
            await AnnounceAsync([transition]);
        }
        else
        {
            await SaveAsync();
        }

        await EquipmentShards.AlertBook(GrainFactory, Id).RecordShelf(shelf);
        await writer.WriteAsync(derived.WrittenMemory, CountLines(derived.WrittenSpan));
    }

    private void WriteShelfLine(AlertShelf shelf, string action, ByteBuffer derived) =>
        new LineProtocolWriter(derived, "alert_shelf")
            .Tag("id", Id)
            .Tag("rule", shelf.RuleId)
            .Tag("scope", shelf.Scope)
            .Field("action", action)
            .Field("alert_id", shelf.AlertId)
            .Field("by", action == "shelved" ? shelf.By : shelf.EndedBy)
            .Field("shelved_by", shelf.By)
            .Field("reason", shelf.Reason)
            .Field("until", shelf.Until.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .End(LineProtocolWriter.ToNanoseconds(shelf.EndedAt ?? shelf.At));

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var derived = new ByteBuffer(256);
        var changed = TickTwin(derived);
        var events = EvaluateAlerts();
        WriteAlertLines(events, derived);
        var stored = derived.Length > 0 ? writer.WriteAsync(derived.WrittenMemory, CountLines(derived.WrittenSpan)) : Task.CompletedTask;
        if (events.Count > 0)
        {
            await AnnounceAsync(events);
        }
        else if ((_dirty || changed) && time.GetUtcNow() - _lastSaved >= SaveInterval)
        {
            await SaveAsync();
        }

        await stored;
    }

    /// <summary>Rebuilds the domain twin from the persisted state and the current registration.</summary>
    protected abstract void BuildTwin();

    /// <summary>Feeds the batch to the twin; writes what it derives (closed strokes, runs) as lines.</summary>
    protected abstract void ApplyToTwin(ReadOnlySpan<byte> lines, ByteBuffer derived);

    protected abstract IReadOnlyList<AlertEvent> EvaluateAlerts();

    protected abstract AlertEvent? AcknowledgeAlert(string alertId, string by);

    protected abstract (AlertShelf Shelf, AlertEvent? Event)? ShelveAlert(string ruleId, string? alertId, string by, string reason, TimeSpan duration);

    protected abstract (AlertShelf Shelf, AlertEvent? Event)? UnshelveAlert(string ruleId, string by);

    /// <summary>Shelves in force, then the ended ones.</summary>
    protected abstract IReadOnlyList<AlertShelf> ShelfList { get; }

    /// <summary>When the next shelf expires: a deactivated twin wakes then to announce its alert again.</summary>
    protected abstract DateTimeOffset? NextShelfExpiry { get; }

    /// <summary>Time-based work without telemetry (e.g. closing a truck's run); true when state changed.</summary>
    protected virtual bool TickTwin(ByteBuffer derived) => false;

    protected abstract void WriteKpiLine(ByteBuffer derived, long timestampNs);

    /// <summary>Adds the twin's KPIs and open alerts to the live snapshot.</summary>
    protected abstract EquipmentSnapshot Decorate(EquipmentSnapshot snapshot);

    protected static int CountLines(ReadOnlySpan<byte> lines) => lines.Count((byte)'\n');

    /// <summary>
    /// The part of the batch this twin has not applied yet (all of it without a spool position), and records
    /// the batch's last position as applied. Positions are per gateway spool and only grow, and the deliverer
    /// sends a machine's records in log order, one call after the other, so "past the last applied position"
    /// is exactly "not applied yet", also when a restarted gateway cuts its batches differently.
    /// </summary>
    private ReadOnlyMemory<byte> Unapplied(TelemetryBatch batch)
    {
        if (batch.SpoolId is not { } spool || batch.Positions is not { Length: > 0 } positions || batch.Ends is not { } ends)
        {
            return batch.Lines;
        }

        var applied = State.AppliedPositions.GetValueOrDefault(spool);
        var first = 0;
        while (first < positions.Length && positions[first] <= applied)
        {
            first++;
        }

        if (first == positions.Length)
        {
            Metrics.RedeliveredRecords.Add(first);
            return ReadOnlyMemory<byte>.Empty;
        }

        if (first > 0)
        {
            Metrics.RedeliveredRecords.Add(first);
        }

        if (State.AppliedPositions.Count >= MaxSpools && !State.AppliedPositions.ContainsKey(spool))
        {
            // A spool is new only when a gateway's spool folder is new, so past 32 most are long gone; which one goes hardly matters.
            State.AppliedPositions.Remove(State.AppliedPositions.MinBy(p => p.Value).Key);
        }

        State.AppliedPositions[spool] = positions[^1];
        return batch.Lines.AsMemory(first == 0 ? 0 : ends[first - 1]);
    }

    private EquipmentSnapshot Snapshot() =>
        Decorate(_live.ToSnapshot(Id, Kind) with { Group = Group, Name = State.Registration.Name });

    private void WriteAlertLines(IReadOnlyList<AlertEvent> events, ByteBuffer derived)
    {
        foreach (var e in events)
        {
            var a = e.Alert;
            new LineProtocolWriter(derived, "alert")
                .Tag("id", Id)
                .Tag("rule", a.RuleId)
                .Tag("severity", a.Severity.ToString().ToLowerInvariant())
                .Field("transition", e.Transition.ToString().ToLowerInvariant())
                .Field("state", a.State.ToString().ToLowerInvariant())
                .Field("alert_id", a.Id)
                .Field("message", a.Message)
                .Field("value", a.Value)
                .Field("threshold", a.Threshold)
                .Field("by", a.AcknowledgedBy)
                .End(LineProtocolWriter.ToNanoseconds(e.At));
        }
    }

    /// <summary>Persist first, then tell the alert book and the dashboards.</summary>
    private async Task AnnounceAsync(IReadOnlyList<AlertEvent> events)
    {
        await SaveAsync();
        var book = EquipmentShards.AlertBook(GrainFactory, Id);
        var fanout = GrainFactory.GetGrain<ILiveFanoutGrain>(0);
        var recorded = new List<Task>(events.Count);
        foreach (var e in events)
        {
            if (e.Transition == AlertTransition.Raised)
            {
                Metrics.AlertsRaised.Add(1);
            }

            var notice = new AlertNotice(e.Transition, e.Alert, Kind, Group);

            // A raise under a shelf is recorded (it stays visible) but not pushed: that is what shelving is for.
            if (!(e.Transition == AlertTransition.Raised && e.Alert.Shelf is not null))
            {
                await fanout.PublishAlert(notice);
            }
            recorded.Add(book.Record(notice));
        }

        await Task.WhenAll(recorded);
        var now = time.GetUtcNow();
        PublishSnapshotSoon(now);
        await PublishSummaryAsync(now);
    }

    /// <summary>Saves the state; concurrent callers share one write at a time and each returns after a write that includes its change.</summary>
    private async Task SaveAsync()
    {
        _dirty = true;
        while (true)
        {
            if (_saving is { IsCompleted: false } running)
            {
                await running;
                continue;
            }

            if (!_dirty)
            {
                return;
            }

            _dirty = false;
            _lastSaved = time.GetUtcNow();
            _saving = state.WriteStateAsync();
        }
    }

    private void EnsureRegistered()
    {
        if (_registration is { IsFaulted: true })
        {
            _registration = null;
        }

        _registration ??= PublishSummaryAsync(time.GetUtcNow());
    }

    /// <summary>Coalesces snapshots: one now if the last is old enough, else one when the interval is over.</summary>
    private void PublishSnapshotSoon(DateTimeOffset now)
    {
        var due = _lastSnapshot + SnapshotInterval - now;
        if (due <= TimeSpan.Zero)
        {
            PublishSnapshot();
            return;
        }

        _snapshotTimer ??= this.RegisterGrainTimer(() =>
        {
            _snapshotTimer?.Dispose();
            _snapshotTimer = null;
            PublishSnapshot();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private void PublishSnapshot()
    {
        _lastSnapshot = time.GetUtcNow();
        GrainFactory.GetGrain<ILiveFanoutGrain>(0).PublishSnapshot(Snapshot()).Ignore();
    }

    /// <summary>The trimmed snapshot the directory shard keeps for lists, filters and the overview's counts.</summary>
    private Task PublishSummaryAsync(DateTimeOffset now)
    {
        _lastSummary = now;
        var full = Snapshot();
        var fields = new Dictionary<string, FieldSnapshot>(StringComparer.Ordinal);
        foreach (var name in SummaryFields)
        {
            if (full.Fields.TryGetValue(name, out var f))
            {
                fields[name] = f;
            }
        }

        var truck = full.Truck is { } t ? new Equipment.Domain.Truck.TruckKpis { RoutePosition = t.RoutePosition, Range = t.Range } : null;
        return EquipmentShards.Directory(GrainFactory, Id).Update(full with { Fields = fields, Truck = truck });
    }

    private async Task StopWakingAsync()
    {
        if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.WakeRegistered = false;
        _dirty = true;
    }

    /// <summary>
    /// When a deactivated twin must next evaluate its time-based rules, or null when nothing is due: an enabled
    /// stale (offline) rule that has not raised yet, or (trucks) an open run, and only until a few minutes past
    /// the moment the rule could decide. Whether the machine is then offline is still the alert engine's call.
    /// </summary>
    protected DateTimeOffset? WakeDue(DateTimeOffset now)
    {
        if (LastReceivedAt is not { } last)
        {
            return null;
        }

        var open = OpenAlerts.Select(a => a.RuleId).ToHashSet(StringComparer.Ordinal);
        DateTimeOffset? due = null;
        foreach (var rule in Rules)
        {
            if (rule.Enabled && rule.Kind == AlertRuleKind.Stale && !open.Contains(rule.Id))
            {
                var at = last + TimeSpan.FromSeconds(rule.StaleAfterS + rule.MinDurationS + 1);
                due = due is null || at < due ? at : due;
            }
        }

        if (TimeWorkDue(last) is { } work)
        {
            due = due is null || work < due ? work : due;
        }

        if (NextShelfExpiry is { } expiry)
        {
            due = due is null || expiry < due ? expiry : due;
        }

        return due is { } d && now < d + WakeGrace ? d : null;
    }

    protected abstract IReadOnlyList<AlertRule> Rules { get; }

    protected abstract IReadOnlyList<Alert> OpenAlerts { get; }

    /// <summary>When kind-specific time-based work (a truck's run end) falls due after the last telemetry, if any.</summary>
    protected virtual DateTimeOffset? TimeWorkDue(DateTimeOffset lastReceived) => null;
}
