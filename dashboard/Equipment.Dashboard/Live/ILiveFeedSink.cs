using Equipment.Contracts.Messages;

namespace Equipment.Dashboard.Live;

/// <summary>Something in the dashboard process that wants every alert transition and snapshot (e.g. the SignalR hub).</summary>
public interface ILiveFeedSink
{
    Task OnAlertAsync(AlertNotice notice);

    Task OnSnapshotAsync(EquipmentSnapshot snapshot);
}
