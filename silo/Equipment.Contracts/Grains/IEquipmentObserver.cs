using Equipment.Contracts.Messages;
using Orleans.Concurrency;

namespace Equipment.Contracts.Grains;

/// <summary>A dashboard process listening to the live feed.</summary>
[Alias("equipment.IEquipmentObserver")]
public interface IEquipmentObserver : IGrainObserver
{
    [OneWay]
    Task OnAlert(AlertNotice notice);

    [OneWay]
    Task OnSnapshot(EquipmentSnapshot snapshot);

    /// <summary>A batch of snapshots from one silo's fan-out worker, at most one per machine.</summary>
    [OneWay]
    Task OnSnapshots(EquipmentSnapshot[] snapshots);
}
