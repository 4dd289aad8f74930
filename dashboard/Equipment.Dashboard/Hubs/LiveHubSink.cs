using System.Collections.Concurrent;
using Equipment.Contracts.Messages;
using Equipment.Dashboard.Api;
using Equipment.Dashboard.Live;
using Microsoft.AspNetCore.SignalR;

namespace Equipment.Dashboard.Hubs;

/// <summary>
/// Turns the silo's live feed into SignalR messages. Alerts go out at once, every one of them (a missed state change
/// would leave a wrong alert list on screen). Snapshots are coalesced per machine, latest wins, and flushed every
/// <see cref="FlushInterval"/>, so a machine reporting at 100 Hz still costs a browser only a few messages a second.
/// </summary>
public sealed class LiveHubSink(IHubContext<EquipmentHub> hub, TimeProvider time, ILogger<LiveHubSink> logger)
    : BackgroundService, ILiveFeedSink
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(300);

    private readonly ConcurrentDictionary<string, EquipmentSnapshot> _pending = new(StringComparer.Ordinal);

    public Task OnAlertAsync(AlertNotice notice) =>
        hub.Clients.Groups(WatchScope.GroupsFor(notice.Alert.EquipmentId, notice.Kind, notice.Group)).SendAsync("alert", notice.Alert);

    public Task OnSnapshotAsync(EquipmentSnapshot snapshot)
    {
        _pending[snapshot.Id] = snapshot;
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: undelivered snapshots are superseded by the next page load anyway.
        }
    }

    private async Task FlushAsync()
    {
        foreach (var id in _pending.Keys)
        {
            if (!_pending.TryRemove(id, out var snapshot))
            {
                continue;
            }

            try
            {
                var view = EquipmentView.From(snapshot, time.GetUtcNow());
                await hub.Clients.Groups(WatchScope.GroupsFor(snapshot.Id, snapshot.Kind, snapshot.Group)).SendAsync("snapshot", view);
            }
            catch (Exception e)
            {
                logger.LogWarning("Snapshot push for {Id} failed: {Message}", id, e.Message);
            }
        }
    }
}
