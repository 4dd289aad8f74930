namespace Equipment.Telemetry.LineProtocol;

/// <summary>
/// One line split into its sections. Sections are raw (still escaped) slices of the request body:
/// nothing is copied until a consumer decides to keep the line.
/// </summary>
public readonly ref struct LineProtocolLine
{
    public LineProtocolLine(int number, ReadOnlySpan<byte> measurement, ReadOnlySpan<byte> tags, ReadOnlySpan<byte> fields, bool hasTimestamp, long timestamp)
    {
        Number = number;
        Measurement = measurement;
        Tags = tags;
        Fields = fields;
        HasTimestamp = hasTimestamp;
        Timestamp = timestamp;
    }

    /// <summary>1-based line number in the body, counting blank and comment lines.</summary>
    public int Number { get; }

    public ReadOnlySpan<byte> Measurement { get; }

    /// <summary>The tag set without the leading comma; empty when the line has no tags.</summary>
    public ReadOnlySpan<byte> Tags { get; }

    public ReadOnlySpan<byte> Fields { get; }

    public bool HasTimestamp { get; }

    /// <summary>The timestamp as sent, in the request's precision.</summary>
    public long Timestamp { get; }

    public TagReader GetTags() => new(Tags);

    public FieldReader GetFields() => new(Fields);
}
