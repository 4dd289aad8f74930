using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Sending;

public sealed class ResilientSender(IPointWriter writer, RetryPolicy policy, SendStatistics statistics, Action<string> log)
{
    public SendStatistics Statistics => statistics;

    /// <summary>
    /// Sends one batch, retrying transient failures until it is accepted or <paramref name="cancellationToken"/>
    /// fires (then the batch is counted as dropped and the cancellation propagates).
    /// </summary>
    public async Task<bool> SendAsync(IReadOnlyList<PointData> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                statistics.RecordSuccess(batch.Count);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                statistics.RecordDropped(batch.Count);
                throw;
            }
            catch (Exception ex)
            {
                statistics.RecordFailure();
                var decision = policy.Decide(ex, attempt);
                if (!decision.ShouldRetry)
                {
                    statistics.RecordDropped(batch.Count);
                    log($"write rejected ({decision.Reason}); dropped {batch.Count} points");
                    return false;
                }

                statistics.RecordRetry();
                try
                {
                    await Task.Delay(decision.Delay!.Value, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    statistics.RecordDropped(batch.Count);
                    throw;
                }
            }
        }
    }
}
