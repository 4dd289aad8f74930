using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;

namespace Equipment.Grains.Grains;

/// <summary>
/// One shard of the machines the platform has seen or registered, with each twin's last summary, so the dashboard
/// can list, filter, page and count without scanning InfluxDB or calling every twin. It never calls the twins:
/// they publish to it (on registration, on alert changes, at most every <c>Twins:SummarySeconds</c> while
/// reporting, and when they deactivate). A new machine is persisted before <see cref="Update"/> completes
/// ("stored means listed"); summary changes are written at most every <see cref="FlushInterval"/>.
/// </summary>
public sealed class EquipmentDirectoryGrain(
    [PersistentState("directory", EquipmentStorage.Name)] IPersistentState<EquipmentDirectoryState> state,
    [PersistentState("summaries", EquipmentStorage.Name)] IPersistentState<EquipmentDirectorySummaries> summaries) : Grain, IEquipmentDirectoryGrain
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, FieldSnapshot> NoFields = new(StringComparer.Ordinal);

    private SortedDictionary<string, EquipmentSnapshot> _byId = null!;
    private CoalescedStateWriter? _writerField;
    private CoalescedStateWriter? _summaryWriterField;
    private IGrainTimer? _flush;

    private CoalescedStateWriter Writer => _writerField ??= new(state.WriteStateAsync);

    private CoalescedStateWriter SummaryWriter => _summaryWriterField ??= new(summaries.WriteStateAsync);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _byId = new SortedDictionary<string, EquipmentSnapshot>(StringComparer.Ordinal);
        foreach (var (id, kind) in state.State.Kinds)
        {
            _byId[id] = summaries.State.Summaries.TryGetValue(id, out var s) ? s : Empty(id, kind);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (SummaryWriter.IsDirty)
        {
            await SaveSummariesAsync();
        }
    }

    public Task Register(EquipmentEntry entry) =>
        state.State.Kinds.TryGetValue(entry.Id, out var kind) && kind == entry.Kind ? Task.CompletedTask : Update(Empty(entry.Id, entry.Kind));

    public async Task Update(EquipmentSnapshot summary)
    {
        var known = state.State.Kinds.TryGetValue(summary.Id, out var kind) && kind == summary.Kind;
        summaries.State.Summaries[summary.Id] = summary;
        _byId[summary.Id] = summary;
        SummaryWriter.MarkDirty();
        _flush ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, Timeout.InfiniteTimeSpan) { Interleave = true });
        if (!known)
        {
            state.State.Kinds[summary.Id] = summary.Kind;
            await SaveAsync();
        }
    }

    public Task<int> Count() => Task.FromResult(state.State.Kinds.Count);

    public Task<EquipmentEntry?> Find(string id) =>
        Task.FromResult(state.State.Kinds.TryGetValue(id, out var kind) ? new EquipmentEntry(id, kind) : null);

    public Task<EquipmentEntry[]> List() =>
        Task.FromResult(_byId.Values.Select(s => new EquipmentEntry(s.Id, s.Kind)).ToArray());

    public Task<EquipmentPage> Query(EquipmentQuery query)
    {
        var items = new List<EquipmentSnapshot>(Math.Min(query.Limit, 256));
        var total = 0;
        foreach (var s in _byId.Values)
        {
            if (!Matches(s, query))
            {
                continue;
            }

            total++;
            if (items.Count < query.Limit && (query.After is null || string.CompareOrdinal(s.Id, query.After) > 0))
            {
                items.Add(s);
            }
        }

        return Task.FromResult(new EquipmentPage(items.ToArray(), total));
    }

    public Task<EquipmentCounts> Counts(string[]? scope, DateTimeOffset now)
    {
        int tbms = 0, trucks = 0, offline = 0, acknowledged = 0, shelved = 0;
        var severity = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in _byId.Values)
        {
            if (scope is not null && !ScopeItems.Allows(scope, s.Id, s.Kind, s.Group))
            {
                continue;
            }

            if (s.Kind == "tbm")
            {
                tbms++;
            }
            else
            {
                trucks++;
            }

            if (IsOffline(s, now, EquipmentQuery.DefaultStaleAfter))
            {
                offline++;
            }

            if (!string.IsNullOrEmpty(s.Group))
            {
                var key = ScopeItems.Group(s.Kind, s.Group);
                groups[key] = groups.GetValueOrDefault(key) + 1;
            }

            foreach (var a in s.OpenAlerts ?? [])
            {
                if (a.Shelf is not null)
                {
                    shelved++;
                }
                else if (a.State == AlertState.Acknowledged)
                {
                    acknowledged++;
                }
                else if (a.State == AlertState.Active)
                {
                    var key = a.Severity.ToString().ToLowerInvariant();
                    severity[key] = severity.GetValueOrDefault(key) + 1;
                }
            }
        }

        return Task.FromResult(new EquipmentCounts(tbms, trucks, offline, severity, acknowledged, groups, shelved));
    }

    private static bool Matches(EquipmentSnapshot s, EquipmentQuery q)
    {
        if (q.Kind is not null && s.Kind != q.Kind)
        {
            return false;
        }

        if (q.Group is not null && !string.Equals(s.Group, q.Group, StringComparison.Ordinal))
        {
            return false;
        }

        if (q.Scope is not null && !ScopeItems.Allows(q.Scope, s.Id, s.Kind, s.Group))
        {
            return false;
        }

        if (q.Search is { Length: > 0 } search
            && !s.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
            && !(s.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return false;
        }

        return q.State switch
        {
            null => true,
            "offline" => IsOffline(s, q.Now, q.StaleAfter),
            "alerting" => Alerting(s),
            "ok" => !IsOffline(s, q.Now, q.StaleAfter) && !Alerting(s),
            _ => false,
        };
    }

    /// <summary>An open alert that is not shelved: a shelved one is known and handled, so the machine is not "alerting".</summary>
    private static bool Alerting(EquipmentSnapshot s) => s.OpenAlerts?.Any(a => a.Shelf is null) == true;

    private static bool IsOffline(EquipmentSnapshot s, DateTimeOffset now, TimeSpan staleAfter) =>
        s.LastSeen is not { } seen || now - seen > staleAfter;

    private static EquipmentSnapshot Empty(string id, string kind) => new(id, kind, null, null, 0, NoFields, null);

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        return SummaryWriter.IsDirty ? SaveSummariesAsync() : Task.CompletedTask;
    }

    private Task SaveSummariesAsync() => SummaryWriter.WriteAsync();

    private Task SaveAsync() => Writer.WriteAsync();
}
