namespace Equipment.Gbt32960.Framing;

/// <summary>The answer flag (table 4): 0xFE on a command, a result on a reply. 0x04–0x07 exist only in the 2025 edition.</summary>
public static class AckFlag
{
    public const byte Success = 0x01;
    public const byte Error = 0x02;
    public const byte DuplicateVin = 0x03;
    public const byte VinUnknown = 0x04;
    public const byte SignatureError = 0x05;
    public const byte StructureError = 0x06;
    public const byte DecryptionError = 0x07;
    public const byte Command = 0xFE;

    /// <summary>The closest code an edition has: the 2016 edition knows only 0x01–0x03, so 0x04–0x07 become 0x02 there.</summary>
    public static byte For(Edition edition, byte code) =>
        edition == Edition.V2016 && code is >= VinUnknown and <= DecryptionError ? Error : code;
}
