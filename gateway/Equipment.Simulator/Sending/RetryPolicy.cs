using InfluxDB.Client.Core.Exceptions;

namespace Equipment.Simulator.Sending;

/// <summary>
/// Overload (429), unavailability (503) and other 5xx or network failures are transient: wait as
/// the server's Retry-After asks, otherwise back off exponentially with jitter so many agents do
/// not retry in lockstep. 4xx other than 429 will fail again identically: drop and report.
/// </summary>
public sealed class RetryPolicy(Random jitter)
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(120);

    public RetryDecision Decide(Exception error, int attempt)
    {
        switch (error)
        {
            case HttpException http when http.Status is 429 or 503 or 0 or >= 500:
                var retryAfter = RetryAfterOf(http);
                return new RetryDecision(retryAfter ?? Backoff(attempt), $"HTTP {http.Status}");
            case HttpException http:
                return new RetryDecision(null, $"HTTP {http.Status}: {http.Message}");
            case HttpRequestException or IOException or TimeoutException or TaskCanceledException:
                return new RetryDecision(Backoff(attempt), error.GetType().Name + ": " + error.Message);
            default:
                return new RetryDecision(null, error.GetType().Name + ": " + error.Message);
        }
    }

    public TimeSpan Backoff(int attempt)
    {
        var seconds = InitialBackoff.TotalSeconds * Math.Pow(2, Math.Min(attempt, 16));
        seconds = Math.Min(seconds, MaxBackoff.TotalSeconds) * (0.8 + 0.4 * jitter.NextDouble());
        return TimeSpan.FromSeconds(seconds);
    }

    private static TimeSpan? RetryAfterOf(HttpException http)
    {
        // The client only fills RetryAfter from the header; absent header means "use your own backoff".
        if (http.RetryAfter is { } seconds && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryAfter.TotalSeconds));
        }

        return null;
    }
}
