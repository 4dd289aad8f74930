using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;

namespace Equipment.Dashboard.Live;

/// <summary>
/// Subscribes this dashboard process to the live feed and hands what arrives to every <see cref="ILiveFeedSink"/>.
/// The subscription (in <see cref="ILiveFeedGrain"/>) is renewed every 20 s, so it survives that grain moving to
/// another silo; every silo's fan-out worker then calls this observer directly (alerts one by one, snapshots in
/// batches); each dashboard process subscribes on its own, so every one of them gets every event.
/// </summary>
public sealed class LiveFeedClient(IGrainFactory grains, IEnumerable<ILiveFeedSink> sinks, ILogger<LiveFeedClient> logger)
    : BackgroundService, IEquipmentObserver
{
    private readonly ILiveFeedSink[] _sinks = sinks.ToArray();
    private IEquipmentObserver? _reference;

    public Task OnAlert(AlertNotice notice) => Fan(s => s.OnAlertAsync(notice));

    public Task OnSnapshot(EquipmentSnapshot snapshot) => Fan(s => s.OnSnapshotAsync(snapshot));

    public async Task OnSnapshots(EquipmentSnapshot[] snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            await Fan(s => s.OnSnapshotAsync(snapshot));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<IEquipmentObserver>(this);
        var feed = grains.GetGrain<ILiveFeedGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.Subscribe(_reference);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Live feed subscription failed ({Message}); retrying", e.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(20), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await feed.Unsubscribe(_reference);
        }
        catch (Exception)
        {
            // Shutting down anyway; the subscription expires on its own.
        }

        grains.DeleteObjectReference<IEquipmentObserver>(_reference);
    }

    private async Task Fan(Func<ILiveFeedSink, Task> send)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await send(sink);
            }
            catch (Exception e)
            {
                logger.LogWarning("Live feed sink {Sink} failed: {Message}", sink.GetType().Name, e.Message);
            }
        }
    }
}
