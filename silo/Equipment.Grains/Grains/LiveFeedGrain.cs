using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;

namespace Equipment.Grains.Grains;

/// <summary>
/// The dashboards' subscriptions (key 0); a subscription lapses after <see cref="Expiry"/> unless renewed. The
/// per-silo fan-out workers read the list and call the observers, so this grain is off the per-sample path.
/// </summary>
public sealed class LiveFeedGrain(TimeProvider time) : Grain, ILiveFeedGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly Dictionary<IEquipmentObserver, DateTimeOffset> _observers = [];

    public Task Subscribe(IEquipmentObserver observer)
    {
        _observers[observer] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IEquipmentObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<IEquipmentObserver[]> Observers()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _observers.Where(o => now - o.Value > Expiry).Select(o => o.Key).ToList())
        {
            _observers.Remove(expired);
        }

        return Task.FromResult(_observers.Keys.ToArray());
    }

    public async Task PublishSnapshot(EquipmentSnapshot snapshot)
    {
        foreach (var o in await Observers())
        {
            o.OnSnapshot(snapshot).Ignore();
        }
    }

    public async Task PublishAlert(AlertNotice notice)
    {
        foreach (var o in await Observers())
        {
            o.OnAlert(notice).Ignore();
        }
    }
}
