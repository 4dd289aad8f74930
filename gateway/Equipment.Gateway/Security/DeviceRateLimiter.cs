using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Security;

/// <summary>
/// One token bucket per token hash, so one chatty or compromised device cannot starve the others. Partitioning by
/// hash keeps the plaintext token out of the limiter's memory.
/// </summary>
public sealed class DeviceRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public DeviceRateLimiter(IOptions<DeviceTokenOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(hash => o.RequestsPerSecond <= 0
            ? RateLimitPartition.GetNoLimiter(hash)
            : RateLimitPartition.GetTokenBucketLimiter(hash, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.Burst,
                TokensPerPeriod = Math.Max(1, (int)Math.Round(o.RequestsPerSecond * PeriodSeconds(o.RequestsPerSecond))),
                ReplenishmentPeriod = TimeSpan.FromSeconds(PeriodSeconds(o.RequestsPerSecond)),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public RateLimitLease Acquire(string hash) => _limiter.AttemptAcquire(hash);

    public void Dispose() => _limiter.Dispose();

    /// <summary>Refill at least ten times a second for fast rates, and one token at a time for slow ones.</summary>
    private static double PeriodSeconds(double perSecond) => perSecond >= 10 ? 0.1 : 1 / perSecond;
}
