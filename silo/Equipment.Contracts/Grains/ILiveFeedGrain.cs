using Equipment.Contracts.Messages;
using Orleans.Concurrency;

namespace Equipment.Contracts.Grains;

/// <summary>
/// Fans alert transitions and coalesced snapshots out to every subscribed dashboard process (key 0).
/// Subscriptions expire, so dashboards renew them periodically; a dead dashboard drops out by itself.
/// </summary>
[Alias("equipment.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithIntegerKey
{
    Task Subscribe(IEquipmentObserver observer);

    Task Unsubscribe(IEquipmentObserver observer);

    [OneWay]
    Task PublishSnapshot(EquipmentSnapshot snapshot);

    [AlwaysInterleave]
    Task PublishAlert(AlertNotice notice);
}
