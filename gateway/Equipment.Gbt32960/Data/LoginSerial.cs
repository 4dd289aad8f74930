namespace Equipment.Gbt32960.Data;

/// <summary>Vehicle logout 0x04, platform logout 0x06: time and the login's serial.</summary>
public sealed record LoginSerial(DateTimeOffset Time, int Serial);
