namespace Equipment.Grains.Influx;

/// <summary>Running totals of the writer, for logs, health and benchmarks.</summary>
public sealed class WriterStatistics
{
    private long _points;
    private long _batches;
    private long _retries;
    private long _failedBatches;
    private long _rejectedBatches;

    public long Points => Interlocked.Read(ref _points);

    public long Batches => Interlocked.Read(ref _batches);

    public long Retries => Interlocked.Read(ref _retries);

    public long FailedBatches => Interlocked.Read(ref _failedBatches);

    /// <summary>Batches InfluxDB refused as bad data (its valid lines are stored; see the logs).</summary>
    public long RejectedBatches => Interlocked.Read(ref _rejectedBatches);

    internal void Stored(int points)
    {
        Interlocked.Add(ref _points, points);
        Interlocked.Increment(ref _batches);
    }

    internal void Retried() => Interlocked.Increment(ref _retries);

    internal void Failed() => Interlocked.Increment(ref _failedBatches);

    internal void Rejected() => Interlocked.Increment(ref _rejectedBatches);
}
