using Equipment.Telemetry.LineProtocol;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>A field value copied out of a <see cref="FieldValue"/> (a ref struct) so tests can keep it.</summary>
public sealed record ReadField(string Key, FieldType Type, double Number, long Integer, bool Boolean, string Raw, string? Error);
