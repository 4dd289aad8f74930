using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;

namespace Equipment.Contracts.Grains;

/// <summary>
/// One shard of all machines' open alerts and recent history, for <c>GET /api/alerts</c> (key = shard number, see
/// <see cref="EquipmentShards"/>; persisted).
/// </summary>
[Alias("equipment.IAlertBookGrain")]
public interface IAlertBookGrain : IGrainWithIntegerKey
{
    [Orleans.Concurrency.AlwaysInterleave]
    Task Record(AlertNotice notice);

    /// <summary>Alerts in a state (<c>active</c>, <c>acknowledged</c>, <c>cleared</c>) or all when null, newest first.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<Alert[]> List(AlertState? state);

    /// <summary>Records a shelf of one of the shard's machines; an ended shelf (<c>EndedAt</c> set) removes it.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task RecordShelf(AlertShelf shelf);

    /// <summary>Shelves in force (not yet expired), soonest expiry first.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<AlertShelf[]> ListShelves();
}
