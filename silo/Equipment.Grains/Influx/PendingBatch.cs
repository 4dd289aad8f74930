using Equipment.Telemetry.Ingest;

namespace Equipment.Grains.Influx;

/// <summary>Lines from many grains collected into one InfluxDB write; everyone who added to it awaits its completion.</summary>
internal sealed class PendingBatch(long startedTimestamp)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ByteBuffer Buffer { get; } = new(64 * 1024);

    public int Points { get; private set; }

    public long StartedTimestamp { get; } = startedTimestamp;

    public Task Completion => _done.Task;

    public void Append(ReadOnlySpan<byte> lines, int points)
    {
        Buffer.Write(lines);
        Points += points;
    }

    public void Complete()
    {
        Buffer.Dispose();
        _done.TrySetResult();
    }

    public void Fail(Exception error)
    {
        Buffer.Dispose();
        _done.TrySetException(error);
    }
}
