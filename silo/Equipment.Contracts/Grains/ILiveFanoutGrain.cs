using Equipment.Contracts.Messages;
using Orleans.Concurrency;

namespace Equipment.Contracts.Grains;

/// <summary>
/// The per-silo hop between the twins and the dashboards (the GPSTracker sample's PushNotifierGrain): a stateless
/// worker, so each silo has its own and a twin always calls the one beside it. Snapshots are batched (latest per
/// machine) and sent to every dashboard's observer a few times a second; alerts go out at once, one by one.
/// </summary>
[Alias("equipment.ILiveFanoutGrain")]
public interface ILiveFanoutGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishSnapshot(EquipmentSnapshot snapshot);

    Task PublishAlert(AlertNotice notice);
}
