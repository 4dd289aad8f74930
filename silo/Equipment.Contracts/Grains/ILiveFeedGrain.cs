using Equipment.Contracts.Messages;
using Orleans.Concurrency;

namespace Equipment.Contracts.Grains;

/// <summary>
/// The list of subscribed dashboard processes (key 0). Not on the per-sample path: the per-silo
/// <see cref="ILiveFanoutGrain"/> workers read the list every second and call the observers themselves.
/// Subscriptions expire, so dashboards renew them periodically; a dead dashboard drops out by itself.
/// </summary>
[Alias("equipment.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithIntegerKey
{
    Task Subscribe(IEquipmentObserver observer);

    Task Unsubscribe(IEquipmentObserver observer);

    /// <summary>The current subscribers.</summary>
    [AlwaysInterleave]
    Task<IEquipmentObserver[]> Observers();

    /// <summary>Sends one snapshot to every subscriber (kept for callers outside the twins; twins use the fan-out workers).</summary>
    [OneWay]
    Task PublishSnapshot(EquipmentSnapshot snapshot);

    [AlwaysInterleave]
    Task PublishAlert(AlertNotice notice);
}
