using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;

namespace Equipment.Contracts.Grains;

/// <summary>All machines' open alerts and recent history, for <c>GET /api/alerts</c> (key 0, persisted).</summary>
[Alias("equipment.IAlertBookGrain")]
public interface IAlertBookGrain : IGrainWithIntegerKey
{
    Task Record(AlertNotice notice);

    /// <summary>Alerts in a state (<c>active</c>, <c>acknowledged</c>, <c>cleared</c>) or all when null, newest first.</summary>
    Task<Alert[]> List(AlertState? state);
}
