namespace Equipment.Gateway.Ingest;

/// <summary>Counters of the ingest API since start, served at <c>/stats</c>.</summary>
public sealed class IngestStatistics
{
    private long _points;
    private long _requests;
    private long _refused;
    private long _throttled;
    private long _unavailable;

    public long Points => Interlocked.Read(ref _points);

    public long Requests => Interlocked.Read(ref _requests);

    public long Refused => Interlocked.Read(ref _refused);

    public long Throttled => Interlocked.Read(ref _throttled);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    internal void Accepted(int points)
    {
        Interlocked.Add(ref _points, points);
        Interlocked.Increment(ref _requests);
    }

    internal void CountRefused() => Interlocked.Increment(ref _refused);

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    internal void CountUnavailable() => Interlocked.Increment(ref _unavailable);
}
