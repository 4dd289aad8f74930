namespace Equipment.Gbt32960.Framing;

/// <summary>Command identifiers (table 3 of both editions; 0x07/0x08 from 2016 and 2025 appendix B).</summary>
public static class Command
{
    public const byte VehicleLogin = 0x01;
    public const byte Realtime = 0x02;
    public const byte Resent = 0x03;
    public const byte VehicleLogout = 0x04;
    public const byte PlatformLogin = 0x05;
    public const byte PlatformLogout = 0x06;
    public const byte Heartbeat = 0x07;
    public const byte TimeSync = 0x08;
}
