using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Equipment.Grains.Grains;

/// <summary>Fans alerts and snapshots out to the dashboards' observers; a subscription lapses after a minute unless renewed.</summary>
public sealed class LiveFeedGrain(ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    private readonly ObserverManager<IEquipmentObserver> _observers = new(TimeSpan.FromMinutes(1), logger);

    public Task Subscribe(IEquipmentObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IEquipmentObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishSnapshot(EquipmentSnapshot snapshot)
    {
        if (_observers.Count > 0)
        {
            _observers.Notify(o => o.OnSnapshot(snapshot));
        }

        return Task.CompletedTask;
    }

    public Task PublishAlert(AlertNotice notice)
    {
        _observers.Notify(o => o.OnAlert(notice));
        return Task.CompletedTask;
    }
}
