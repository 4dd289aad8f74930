namespace Equipment.Gbt32960.Data;

/// <summary>An info body kept as sent: custom types 0x80–0xFE, and 2025 types the platform does not interpret (fuel-cell stacks, supercapacitors, the signature).</summary>
public sealed record RawInfo(byte Type, byte[] Body);
