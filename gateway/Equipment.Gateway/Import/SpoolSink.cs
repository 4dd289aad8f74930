using Equipment.Gateway.Ingest;
using Equipment.Gateway.Spool;
using Equipment.Telemetry.Import;
using Equipment.Telemetry.Ingest;

namespace Equipment.Gateway.Import;

/// <summary>
/// An upload's chunks go the way a write request goes: the same parser (validation, token scope), then one spool
/// record per chunk, answered once fsynced (or stored, with <c>AcknowledgeAfter=Stored</c>). A full spool is waited out rather than refused: an import has no device
/// behind it that would retry.
/// </summary>
internal sealed class SpoolSink(IngestParser parser, WriteAheadSpool spool, IWriteScope scope, TimeProvider time, IngestStatistics statistics, bool acknowledgeStored) : IImportSink
{
    public async Task<ChunkOutcome> WriteAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = parser.Parse(lines.Span, 1, (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100, scope);
        switch (result.Outcome)
        {
            case IngestOutcome.Invalid:
                var message = result.Error.Message;
                var colon = message.IndexOf(": ", StringComparison.Ordinal);
                return ChunkOutcome.Refused(result.Error.Line, "gateway: " + (message.StartsWith("line ", StringComparison.Ordinal) && colon > 0 ? message[(colon + 2)..] : message));
            case IngestOutcome.Forbidden:
                return ChunkOutcome.Failed("forbidden: " + result.Error.Message);
        }

        if (result.Points == 0)
        {
            return ChunkOutcome.Stored;
        }

        while (true)
        {
            var (record, length) = SpoolRecord.Encode(result.Batches, now.ToUnixTimeMilliseconds());
            var append = spool.TryAppend(record, length, result.Batches, now.ToUnixTimeMilliseconds(), result.Points);
            if (append is not null)
            {
                var end = await append.WaitAsync(cancellationToken);
                if (acknowledgeStored)
                {
                    await spool.WaitDeliveredAsync(end, cancellationToken);
                }

                statistics.Accepted(result.Points);
                return ChunkOutcome.Stored;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
    }
}
