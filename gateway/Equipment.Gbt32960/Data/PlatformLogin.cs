namespace Equipment.Gbt32960.Data;

/// <summary>Platform login 0x05: a lower platform forwarding many vehicles over one connection.</summary>
public sealed record PlatformLogin(DateTimeOffset Time, int Serial, string User, string Password, byte EncryptionRule);
