namespace Equipment.Telemetry.LineProtocol;

/// <summary>One parsed field value; <see cref="Raw"/> is the exact text as sent (strings without their quotes, still escaped).</summary>
public readonly ref struct FieldValue
{
    public FieldValue(FieldType type, ReadOnlySpan<byte> raw, double number, long integer, bool boolean)
    {
        Type = type;
        Raw = raw;
        Number = number;
        Integer = integer;
        Boolean = boolean;
    }

    public FieldType Type { get; }

    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>The value as a double for Float, Integer and UInteger.</summary>
    public double Number { get; }

    /// <summary>The value for Integer, and for UInteger when it fits a long.</summary>
    public long Integer { get; }

    public bool Boolean { get; }

    public bool IsNumeric => Type is FieldType.Float or FieldType.Integer or FieldType.UInteger;
}
