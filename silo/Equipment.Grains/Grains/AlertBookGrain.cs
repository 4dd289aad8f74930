using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;

namespace Equipment.Grains.Grains;

/// <summary>
/// One shard (<see cref="EquipmentShards.AlertShards"/>, by machine id) of every machine's open alerts and the most
/// recent cleared ones, persisted, so the alert list survives a restart and does not have to ask every twin.
/// A record completes once a write that includes it is stored; concurrent records share one write (group commit),
/// so a burst of alerts (a whole fleet going offline) costs a few writes of one shard, not one write of the whole
/// book per alert. Cleared alerts beyond <see cref="MaxCleared"/> per shard age out here; the full history stays in
/// InfluxDB's <c>alert</c> measurement, and each twin keeps its own open and recently cleared alerts.
/// </summary>
public sealed class AlertBookGrain(
    [PersistentState("alerts", EquipmentStorage.Name)] IPersistentState<AlertBookGrainState> state,
    TimeProvider time) : Grain, IAlertBookGrain
{
    /// <summary>About 1,000 cleared alerts across the shards, as the single book kept.</summary>
    public const int MaxCleared = (1000 + EquipmentShards.AlertShards - 1) / EquipmentShards.AlertShards;

    private CoalescedStateWriter? _writerField;

    private CoalescedStateWriter Writer => _writerField ??= new(state.WriteStateAsync);
    private int _cleared = -1;

    public async Task Record(AlertNotice notice)
    {
        var alerts = state.State.Alerts;
        if (_cleared < 0)
        {
            _cleared = alerts.Values.Count(a => a.State == AlertState.Cleared);
        }

        if (alerts.TryGetValue(notice.Alert.Id, out var before) && before.State == AlertState.Cleared)
        {
            _cleared--;
        }

        alerts[notice.Alert.Id] = notice.Alert;
        if (notice.Alert.State == AlertState.Cleared)
        {
            _cleared++;
        }

        if (_cleared > MaxCleared)
        {
            foreach (var old in alerts.Values.Where(a => a.State == AlertState.Cleared).OrderBy(a => a.ClearedAt).Take(_cleared - MaxCleared).ToList())
            {
                alerts.Remove(old.Id);
                _cleared--;
            }
        }

        await SaveAsync();
    }

    public Task<Alert[]> List(AlertState? filter) =>
        Task.FromResult(state.State.Alerts.Values
            .Where(a => filter is null || a.State == filter)
            .OrderByDescending(a => a.ClearedAt ?? a.AcknowledgedAt ?? a.RaisedAt)
            .ToArray());

    public async Task RecordShelf(AlertShelf shelf)
    {
        var shelves = state.State.Shelves;
        var key = shelf.EquipmentId + ":" + shelf.RuleId;
        if (shelf.EndedAt is null)
        {
            shelves[key] = shelf;
        }
        else if (shelves.TryGetValue(key, out var known) && known.At <= shelf.At)
        {
            // Only the shelf that ended: a late "ended" for a replaced shelf must not remove its successor.
            shelves.Remove(key);
        }

        DropExpired(shelves);
        await SaveAsync();
    }

    /// <summary>Filtered by the clock too: a shelf that expired on an idle twin is gone from the list on time.</summary>
    public Task<AlertShelf[]> ListShelves()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(state.State.Shelves.Values.Where(s => s.Until > now).OrderBy(s => s.Until).ToArray());
    }

    private void DropExpired(Dictionary<string, AlertShelf> shelves)
    {
        var now = time.GetUtcNow();
        foreach (var key in shelves.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
        {
            shelves.Remove(key);
        }
    }

    private Task SaveAsync() => Writer.WriteAsync();
}
