using System.Collections.Concurrent;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// Counters of the MQTT subscriptions since start, per broker, served at <c>/stats/mqtt</c>. Every count goes
/// through one of the methods below, so metrics exporters (OpenTelemetry) hook in here.
/// </summary>
public sealed class MqttStatistics
{
    private readonly ConcurrentDictionary<string, BrokerCounters> _brokers = new(StringComparer.Ordinal);

    public void Connected(string broker) => Counters(broker).Connected();

    public void Disconnected(string broker) => Counters(broker).IsConnected = false;

    public void Received(string broker) => Interlocked.Increment(ref Counters(broker).Messages);

    public void Accepted(string broker, int points)
    {
        var c = Counters(broker);
        Interlocked.Increment(ref c.Accepted);
        Interlocked.Add(ref c.Points, points);
    }

    public void Acknowledged(string broker) => Interlocked.Increment(ref Counters(broker).Acknowledged);

    /// <summary>A message refused for good (acknowledged, not retried) for <paramref name="reason"/>.</summary>
    public void Refused(string broker, string reason) => Counters(broker).Refused.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    /// <summary>A message accepted with something worth noticing (a Sparkplug sequence gap, a stale death certificate).</summary>
    public void Warned(string broker, string reason) => Counters(broker).Warnings.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    public long RefusedCount(string broker, string reason) =>
        _brokers.TryGetValue(broker, out var c) && c.Refused.TryGetValue(reason, out var n) ? n : 0;

    public IReadOnlyDictionary<string, object> Snapshot() =>
        _brokers.ToDictionary(b => b.Key, b => (object)new
        {
            b.Value.IsConnected,
            b.Value.Connections,
            Messages = Interlocked.Read(ref b.Value.Messages),
            Accepted = Interlocked.Read(ref b.Value.Accepted),
            Points = Interlocked.Read(ref b.Value.Points),
            Acknowledged = Interlocked.Read(ref b.Value.Acknowledged),
            Refused = b.Value.Refused.ToDictionary(r => r.Key, r => r.Value),
            Warnings = b.Value.Warnings.ToDictionary(r => r.Key, r => r.Value),
        });

    private BrokerCounters Counters(string broker) => _brokers.GetOrAdd(broker, static _ => new BrokerCounters());

    private sealed class BrokerCounters
    {
#pragma warning disable SA1401, CA1051 // Interlocked needs fields.
        public long Messages;
        public long Accepted;
        public long Points;
        public long Acknowledged;
#pragma warning restore SA1401, CA1051

        public volatile bool IsConnected;

        public int Connections { get; private set; }

        public ConcurrentDictionary<string, long> Refused { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, long> Warnings { get; } = new(StringComparer.Ordinal);

        public void Connected()
        {
            IsConnected = true;
            Connections++;
        }
    }
}
