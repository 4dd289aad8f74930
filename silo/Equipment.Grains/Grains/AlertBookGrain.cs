using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;

namespace Equipment.Grains.Grains;

/// <summary>
/// Every machine's open alerts and the most recent cleared ones, persisted, so the alert list survives a
/// restart and does not have to ask every twin. Cleared alerts beyond <see cref="MaxCleared"/> age out
/// here; the full history stays in InfluxDB's <c>alert</c> measurement.
/// </summary>
public sealed class AlertBookGrain(
    [PersistentState("alerts", EquipmentStorage.Name)] IPersistentState<AlertBookGrainState> state) : Grain, IAlertBookGrain
{
    public const int MaxCleared = 1000;

    public async Task Record(AlertNotice notice)
    {
        var alerts = state.State.Alerts;
        alerts[notice.Alert.Id] = notice.Alert;
        var cleared = alerts.Values.Where(a => a.State == AlertState.Cleared).ToList();
        if (cleared.Count > MaxCleared)
        {
            foreach (var old in cleared.OrderBy(a => a.ClearedAt).Take(cleared.Count - MaxCleared))
            {
                alerts.Remove(old.Id);
            }
        }

        await state.WriteStateAsync();
    }

    public Task<Alert[]> List(AlertState? filter) =>
        Task.FromResult(state.State.Alerts.Values
            .Where(a => filter is null || a.State == filter)
            .OrderByDescending(a => a.ClearedAt ?? a.AcknowledgedAt ?? a.RaisedAt)
            .ToArray());
}
