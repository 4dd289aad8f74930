namespace Equipment.Gbt32960.Framing;

/// <summary>The data-unit encryption byte at offset 21.</summary>
public static class Encryption
{
    public const byte None = 0x01;
    public const byte Rsa = 0x02;
    public const byte Aes128 = 0x03;
    public const byte Sm2 = 0x04;
    public const byte Sm4 = 0x05;
    public const byte Abnormal = 0xFE;
    public const byte Invalid = 0xFF;
}
