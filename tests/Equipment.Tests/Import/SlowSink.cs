using System.Text;
using Equipment.Telemetry.Import;

namespace Equipment.Tests.Import;

/// <summary>
/// An import sink whose writes complete later, as the gateway's do: it records how many writes were in flight at
/// once and the order of what it stored, and fails outright from a chosen call on.
/// </summary>
internal sealed class SlowSink : IImportSink
{
    private int _inFlight;

    public List<string> Lines { get; } = [];

    public int Calls { get; private set; }

    public int MaxInFlight { get; private set; }

    /// <summary>From this call on (1-based) the sink fails as an unreachable gateway would.</summary>
    public int FailFromCall { get; set; } = int.MaxValue;

    public async Task<ChunkOutcome> WriteAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken cancellationToken)
    {
        var call = ++Calls;
        MaxInFlight = Math.Max(MaxInFlight, Interlocked.Increment(ref _inFlight));
        var text = Encoding.UTF8.GetString(lines.Span);
        try
        {
            await Task.Delay(20, cancellationToken);
            if (call >= FailFromCall)
            {
                return ChunkOutcome.Failed("gateway answered 401");
            }

            // Read again after the delay: the importer must not have touched a chunk that is still being sent.
            Encoding.UTF8.GetString(lines.Span).Should().Be(text);
            lock (Lines)
            {
                Lines.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }

            return ChunkOutcome.Stored;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
