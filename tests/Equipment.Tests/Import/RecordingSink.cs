using System.Text;
using Equipment.Telemetry.Import;

namespace Equipment.Tests.Import;

/// <summary>An import sink that keeps what it stored, and refuses chosen lines once, as the gateway would.</summary>
internal sealed class RecordingSink : IImportSink
{
    public List<string> Lines { get; } = [];

    public int Calls { get; private set; }

    /// <summary>A line containing this text is refused (once per chunk attempt) with a message.</summary>
    public string? RefuseContaining { get; set; }

    public Task<ChunkOutcome> WriteAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken cancellationToken)
    {
        Calls++;
        var text = Encoding.UTF8.GetString(lines.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        text.Should().HaveCount(lineCount);
        if (RefuseContaining is not null && Array.FindIndex(text, l => l.Contains(RefuseContaining, StringComparison.Ordinal)) is var i and >= 0)
        {
            return Task.FromResult(ChunkOutcome.Refused(i + 1, "refused by the sink"));
        }

        Lines.AddRange(text);
        return Task.FromResult(ChunkOutcome.Stored);
    }
}
