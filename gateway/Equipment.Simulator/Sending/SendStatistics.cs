namespace Equipment.Simulator.Sending;

/// <summary>Counters shared by the sender and the progress line; updated from several tasks.</summary>
public sealed class SendStatistics
{
    private long _pointsSent;
    private long _requests;
    private long _errors;
    private long _retries;
    private long _pointsDropped;

    public long PointsSent => Interlocked.Read(ref _pointsSent);
    public long Requests => Interlocked.Read(ref _requests);
    public long Errors => Interlocked.Read(ref _errors);
    public long Retries => Interlocked.Read(ref _retries);
    public long PointsDropped => Interlocked.Read(ref _pointsDropped);

    public void RecordSuccess(int points)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _pointsSent, points);
    }

    public void RecordFailure()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _errors);
    }

    public void RecordRetry() => Interlocked.Increment(ref _retries);

    public void RecordDropped(int points) => Interlocked.Add(ref _pointsDropped, points);
}
