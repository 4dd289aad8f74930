namespace Equipment.Gateway.Spool;

/// <summary>A framed record waiting for the spool's writer; completed with the log position after it once fsynced.</summary>
internal sealed class PendingAppend(byte[] buffer, int length)
{
    public byte[] Buffer { get; } = buffer;

    public int Length { get; } = length;

    public long End { get; set; }

    // Continuations run on the pool, not on the writer thread, so the next group commit starts at once.
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
