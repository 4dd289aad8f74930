namespace Equipment.Telemetry.Import;

/// <summary>Where an import's chunks go: the gateway's write API (CLI) or the gateway's spool (upload endpoint).</summary>
public interface IImportSink
{
    /// <summary>Stores nanosecond line protocol all-or-nothing; returns once it is durably accepted.</summary>
    Task<ChunkOutcome> WriteAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken cancellationToken);
}
