namespace Equipment.Telemetry.Import;

/// <summary>
/// What a sink did with a chunk: stored all of it, refused it because of one line (1-based within the chunk;
/// nothing of the chunk was kept, the importer drops that row and sends the rest again), or failed outright.
/// </summary>
public readonly record struct ChunkOutcome(bool Accepted, int RefusedLine, string? Message)
{
    public static readonly ChunkOutcome Stored = new(true, 0, null);

    public static ChunkOutcome Refused(int line, string message) => new(false, line, message);

    public static ChunkOutcome Failed(string message) => new(false, 0, message);
}
