using Equipment.Gateway.Mqtt.Sparkplug;
using Google.Protobuf;

namespace Equipment.Tests.Mqtt;

/// <summary>Sparkplug B payloads as an edge node encodes them (Google.Protobuf, the gateway's generated types).</summary>
public static class SparkplugMessages
{
    public static Payload.Types.Metric Double(string? name, ulong? alias, double value, ulong? timestamp = null)
    {
        var m = new Payload.Types.Metric { Datatype = 10, DoubleValue = value };
        if (name is not null) m.Name = name;
        if (alias is { } a) m.Alias = a;
        if (timestamp is { } t) m.Timestamp = t;
        return m;
    }

    public static Payload.Types.Metric Int32(string? name, ulong? alias, int value)
    {
        var m = new Payload.Types.Metric { Datatype = 3, IntValue = unchecked((uint)value) };
        if (name is not null) m.Name = name;
        if (alias is { } a) m.Alias = a;
        return m;
    }

    public static Payload.Types.Metric Bool(string? name, ulong? alias, bool value)
    {
        var m = new Payload.Types.Metric { Datatype = 11, BooleanValue = value };
        if (name is not null) m.Name = name;
        if (alias is { } a) m.Alias = a;
        return m;
    }

    public static Payload.Types.Metric BdSeq(ulong value) => new() { Name = "bdSeq", Datatype = 8, LongValue = value };

    public static byte[] Encode(ulong? timestamp, ulong? seq, params Payload.Types.Metric[] metrics)
    {
        var p = new Payload();
        if (timestamp is { } t) p.Timestamp = t;
        if (seq is { } s) p.Seq = s;
        p.Metrics.AddRange(metrics);
        return p.ToByteArray();
    }
}
