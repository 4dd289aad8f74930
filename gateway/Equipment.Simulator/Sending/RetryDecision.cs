namespace Equipment.Simulator.Sending;

/// <summary>Null <see cref="Delay"/> means the failure is permanent and the batch must be dropped.</summary>
public sealed record RetryDecision(TimeSpan? Delay, string Reason)
{
    public bool ShouldRetry => Delay is not null;
}
