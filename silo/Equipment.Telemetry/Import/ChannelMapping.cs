using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Import;

/// <summary>One logger column: which schema field it becomes and how its unit converts.</summary>
public sealed record ChannelMapping(string Channel, string Field, FieldType Type, UnitConversion Conversion)
{
    /// <summary>The field name as line protocol (escaped) in UTF-8, ready to append.</summary>
    public byte[] FieldKeyUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(
        Field.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("=", "\\=", StringComparison.Ordinal).Replace(" ", "\\ ", StringComparison.Ordinal));
}
