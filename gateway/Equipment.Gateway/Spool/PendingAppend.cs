namespace Equipment.Gateway.Spool;

/// <summary>A framed record waiting for the spool's writer; completed with the log position after it once fsynced.</summary>
/// <param name="Decoded">The request the record holds, when the caller has it: handed to the deliverer so it need not read it back.</param>
internal sealed class PendingAppend(byte[] buffer, int length, SpoolEntry? decoded)
{
    public byte[] Buffer { get; } = buffer;

    public int Length { get; } = length;

    public SpoolEntry? Decoded { get; } = decoded;

    public long End { get; set; }

    // Continuations run on the pool, not on the writer thread, so the next group commit starts at once.
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
