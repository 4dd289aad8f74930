using Google.Protobuf;

namespace Equipment.Simulator.Sending;

/// <summary>
/// Encodes Sparkplug B payloads (Eclipse Sparkplug B, protobuf <c>Payload</c>: timestamp 1, metrics 2, seq 3;
/// <c>Metric</c>: name 1, alias 2, timestamp 3, datatype 4, long_value 11, double_value 13, boolean_value 14,
/// string_value 15) with Google.Protobuf's <see cref="CodedOutputStream"/>, as a small edge node would.
/// </summary>
public static class SparkplugEncoder
{
    public const uint Int64 = 4;
    public const uint UInt64 = 8;
    public const uint Double = 10;
    public const uint Boolean = 11;
    public const uint String = 12;

    public static byte[] Payload(ulong timestampMs, ulong? seq, IEnumerable<SparkplugMetric> metrics)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteUInt64(timestampMs);
        foreach (var metric in metrics)
        {
            var body = Metric(metric);
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(body));
        }

        if (seq is { } s)
        {
            output.WriteTag(3, WireFormat.WireType.Varint);
            output.WriteUInt64(s);
        }

        output.Flush();
        return stream.ToArray();
    }

    private static byte[] Metric(SparkplugMetric m)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        if (m.Name is not null)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(m.Name);
        }

        if (m.Alias is { } alias)
        {
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteUInt64(alias);
        }

        output.WriteTag(4, WireFormat.WireType.Varint);
        output.WriteUInt32(m.DataType);
        switch (m.Value)
        {
            case double d:
                output.WriteTag(13, WireFormat.WireType.Fixed64);
                output.WriteDouble(d);
                break;
            case long l:
                output.WriteTag(11, WireFormat.WireType.Varint);
                output.WriteUInt64(unchecked((ulong)l));
                break;
            case ulong u:
                output.WriteTag(11, WireFormat.WireType.Varint);
                output.WriteUInt64(u);
                break;
            case bool b:
                output.WriteTag(14, WireFormat.WireType.Varint);
                output.WriteBool(b);
                break;
            case string text:
                output.WriteTag(15, WireFormat.WireType.LengthDelimited);
                output.WriteString(text);
                break;
        }

        output.Flush();
        return stream.ToArray();
    }
}
