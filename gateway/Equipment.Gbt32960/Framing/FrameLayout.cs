namespace Equipment.Gbt32960.Framing;

/// <summary>Offsets and limits of the frame (table 2).</summary>
public static class FrameLayout
{
    public const int CommandOffset = 2;
    public const int AckOffset = 3;
    public const int VinOffset = 4;
    public const int VinBytes = 17;
    public const int EncryptionOffset = 21;
    public const int LengthOffset = 22;
    public const int HeaderBytes = 24;

    /// <summary>The standard's largest data unit.</summary>
    public const int MaxDataBytes = 65531;

    public static Edition? EditionOf(byte start) => start switch
    {
        (byte)'#' => Edition.V2016,
        (byte)'$' => Edition.V2025,
        _ => null,
    };

    public static byte StartByte(Edition edition) => edition == Edition.V2016 ? (byte)'#' : (byte)'$';
}
