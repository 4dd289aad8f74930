namespace Equipment.Gbt32960.Framing;

/// <summary>What <see cref="FrameReader.TryRead"/> found at the start of the buffer.</summary>
public enum ReadStatus
{
    /// <summary>Not enough bytes yet for a frame (nothing consumed).</summary>
    NeedMore,

    /// <summary>A frame whose BCC checks.</summary>
    Frame,

    /// <summary>A whole frame whose BCC does not check: its header is reported so it can be answered with an error.</summary>
    BadCheck,

    /// <summary>Bytes that are not a frame start (or a start with an impossible length) were skipped.</summary>
    Garbage,
}
