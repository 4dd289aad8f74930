using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Equipment.Grains.Grains;

/// <summary>
/// One per silo (a stateless worker with one activation, as the GPSTracker sample's PushNotifierGrain): the twins
/// on this silo hand it their snapshots and alert transitions. Snapshots are kept latest-per-machine and sent as
/// one batch per dashboard every <see cref="FlushInterval"/>; alerts go to every dashboard at once and are never
/// merged. The subscriber list comes from <see cref="ILiveFeedGrain"/>, re-read every <see cref="RefreshInterval"/>,
/// so nothing on the per-sample path is a single grain for the whole cluster.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class LiveFanoutGrain(ILogger<LiveFanoutGrain> logger) : Grain, ILiveFanoutGrain
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private Dictionary<string, EquipmentSnapshot> _pending = new(StringComparer.Ordinal);
    private IEquipmentObserver[] _observers = [];
    private Task? _refreshing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        this.RegisterGrainTimer(RefreshAsync, new GrainTimerCreationOptions(RefreshInterval, RefreshInterval) { Interleave = true });
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
    }

    public Task PublishSnapshot(EquipmentSnapshot snapshot)
    {
        _pending[snapshot.Id] = snapshot;
        return Task.CompletedTask;
    }

    public Task PublishAlert(AlertNotice notice)
    {
        foreach (var o in _observers)
        {
            o.OnAlert(notice).Ignore();
        }

        return Task.CompletedTask;
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return Task.CompletedTask;
        }

        var batch = _pending.Values.ToArray();
        _pending = new Dictionary<string, EquipmentSnapshot>(StringComparer.Ordinal);
        foreach (var o in _observers)
        {
            o.OnSnapshots(batch).Ignore();
        }

        return Task.CompletedTask;
    }

    private Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_refreshing is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }

        return _refreshing = Refresh();

        async Task Refresh()
        {
            try
            {
                _observers = await GrainFactory.GetGrain<ILiveFeedGrain>(0).Observers();
            }
            catch (Exception e)
            {
                // Keep the last list: dashboards keep getting events while the registry moves between silos.
                logger.LogWarning("Reading the live-feed subscribers failed: {Message}", e.Message);
            }
        }
    }
}
