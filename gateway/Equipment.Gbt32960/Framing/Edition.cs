namespace Equipment.Gbt32960.Framing;

/// <summary>Which edition of GB/T 32960.3 a frame follows, told by its start bytes.</summary>
public enum Edition
{
    /// <summary>GB/T 32960.3-2016: frames start with <c>##</c>.</summary>
    V2016,

    /// <summary>GB/T 32960.3-2025: frames start with <c>$$</c>.</summary>
    V2025,
}
