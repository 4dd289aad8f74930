using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Schema;

/// <summary>A field the platform interprets, with the one type it is stored as.</summary>
public sealed record FieldSchema(string Name, FieldType Type, string Unit)
{
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);
}
