namespace Equipment.Gbt32960.Framing;

/// <summary>The outcome of one <see cref="FrameReader.TryRead"/>: a frame, a frame failing its check, or skipped bytes.</summary>
/// <param name="Frame">The frame (<see cref="ReadStatus.Frame"/>), or its unchecked header and data (<see cref="ReadStatus.BadCheck"/>).</param>
/// <param name="Skipped">Bytes consumed as garbage.</param>
/// <param name="Reason">Why bytes were skipped or the frame was refused.</param>
public readonly record struct ReadResult(ReadStatus Status, Frame? Frame, long Skipped, string? Reason);
