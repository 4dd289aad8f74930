namespace Equipment.Gateway.Spool;

/// <summary>The spool as <c>/stats</c> shows it.</summary>
/// <param name="Bytes">Accepted but not yet delivered (what counts against <c>MaxSpoolBytes</c>).</param>
/// <param name="MaxBytes">The configured limit; writes beyond it get 503.</param>
/// <param name="Segments">Segment files on disk.</param>
/// <param name="WrittenPosition">Log position up to which records are fsynced.</param>
/// <param name="DeliveredPosition">Log position up to which records reached InfluxDB.</param>
/// <param name="CheckpointPosition">The delivered position last saved to disk (replay starts here).</param>
/// <param name="LagSeconds">Age of the oldest record not yet delivered; 0 when all are.</param>
/// <param name="Syncs">fsyncs of appended data since start (group commits).</param>
/// <param name="Writable">False after a failed write or fsync, until one succeeds.</param>
/// <param name="Error">The last write error while not writable.</param>
public sealed record SpoolStatus(
    long Bytes,
    long MaxBytes,
    int Segments,
    long WrittenPosition,
    long DeliveredPosition,
    long CheckpointPosition,
    double LagSeconds,
    long Syncs,
    bool Writable,
    string? Error);
