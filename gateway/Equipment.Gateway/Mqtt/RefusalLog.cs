namespace Equipment.Gateway.Mqtt;

/// <summary>
/// Logs refused messages with topic and reason, at most once per interval per reason, saying how many were
/// left out since: a publisher stuck on a bad payload must not flood the log (the counters keep the totals).
/// </summary>
public sealed class RefusalLog(ILogger logger, TimeProvider time, TimeSpan interval)
{
    private readonly Dictionary<string, (DateTimeOffset At, int Suppressed)> _last = new(StringComparer.Ordinal);

    public void Refused(string broker, string topic, PayloadRefusal refusal)
    {
        var now = time.GetUtcNow();
        lock (_last)
        {
            if (_last.TryGetValue(refusal.Reason, out var last) && now - last.At < interval)
            {
                _last[refusal.Reason] = (last.At, last.Suppressed + 1);
                return;
            }

            _last[refusal.Reason] = (now, 0);
            logger.LogWarning(
                "MQTT {Broker}: refused message on '{Topic}' ({Reason}): {Message}{Suppressed}",
                broker,
                topic,
                refusal.Reason,
                refusal.Message,
                last.Suppressed > 0 ? $" ({last.Suppressed} more {refusal.Reason} since the last report)" : "");
        }
    }
}
