namespace Equipment.Grains.Grains;

/// <summary>
/// Writes a grain's persistent state one write at a time. Callers that arrive while a write runs share the next
/// one instead of queueing one each, and every caller returns after a write that includes its change.
/// </summary>
public sealed class CoalescedStateWriter(Func<Task> write)
{
    private Task? _running;

    /// <summary>A change is waiting for a write.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>Notes a change to be written by a later <see cref="WriteAsync"/> (e.g. a periodic save).</summary>
    public void MarkDirty() => IsDirty = true;

    public async Task WriteAsync()
    {
        IsDirty = true;
        while (true)
        {
            if (_running is { IsCompleted: false } running)
            {
                await running;
                continue;
            }

            if (!IsDirty)
            {
                return;
            }

            IsDirty = false;
            _running = write();
        }
    }
}
