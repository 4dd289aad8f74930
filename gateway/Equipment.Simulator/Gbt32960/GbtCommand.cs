namespace Equipment.Simulator.Gbt32960;

/// <summary>Command bytes (GB/T 32960.3 table 3 / B.2) and acknowledgement flags (table 4).</summary>
public static class GbtCommand
{
    public const byte Login = 0x01;
    public const byte RealTime = 0x02;
    public const byte Resent = 0x03;
    public const byte Logout = 0x04;
    public const byte Heartbeat = 0x07;
    public const byte TimeSync = 0x08;

    public const byte AckSuccess = 0x01;
    public const byte AckError = 0x02;
    public const byte AckDuplicateVin = 0x03;
    public const byte IsCommand = 0xFE;

    /// <summary>No encryption (the data unit is plain).</summary>
    public const byte EncryptionNone = 0x01;

    public const int HeaderLength = 24;
    public const int MaxDataLength = 65531;
}
