namespace Equipment.Gbt32960.Data;

/// <summary>Vehicle login 0x01. 2016: n subsystems with m-byte codes each; 2025: n battery-management systems, their pack counts and 24-byte pack codes.</summary>
public sealed record VehicleLogin(DateTimeOffset Time, int Serial, string Iccid, IReadOnlyList<string> SubsystemCodes);
