using System.Buffers;
using Equipment.Gateway.Mqtt.Sparkplug;
using Equipment.Telemetry.LineProtocol;
using Equipment.Telemetry.Schema;
using Google.Protobuf;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// Sparkplug B (topics <c>spBv1.0/{group}/{type}/{node}[/{device}]</c>) to line protocol. NBIRTH/DBIRTH declare
/// metric names and aliases, NDATA/DDATA carry values by alias or name; DBIRTH writes <c>online=true</c> and
/// DDEATH (or an NDEATH for all the node's devices) <c>online=false</c> for the device. Metric names map to
/// schema fields through the subscription's <c>Fields</c>; the rest are dropped unless <c>KeepUnmappedFields</c>.
/// Not thread-safe: one instance per subscription, fed in arrival order by the broker connection.
/// </summary>
public sealed class SparkplugTranslator
{
    public const string Namespace = "spBv1.0";
    public const string OnlineField = "online";

    private readonly MqttSubscriptionOptions _subscription;
    private readonly MeasurementSchema _schema;
    private readonly bool _keepUnmapped;
    private readonly Dictionary<string, SparkplugSession> _sessions;
    private readonly SparkplugSessionStore? _store;
    private readonly List<(string Name, Payload.Types.Metric Metric)> _resolved = [];

    public SparkplugTranslator(MqttSubscriptionOptions subscription, SparkplugSessionStore? store = null)
    {
        _store = store;
        _sessions = store?.Load() ?? new Dictionary<string, SparkplugSession>(StringComparer.Ordinal);
        _subscription = subscription;
        _schema = TelemetrySchema.Measurements.First(s => s.Name == subscription.Kind);
        _keepUnmapped = subscription.KeepUnmappedFields ?? false;
    }

    /// <summary>Set by <see cref="Translate"/> when the node should be asked to rebirth (its aliases are unknown here).</summary>
    public string? RebirthTopic { get; private set; }

    /// <summary>Set by <see cref="Translate"/> for something accepted but worth counting (a sequence gap, a stale death).</summary>
    public string? Warning { get; private set; }

    public PayloadRefusal? Translate(string topic, ReadOnlySequence<byte> bytes, LineBuilder output)
    {
        var refusal = TranslateMessage(topic, bytes, output, out var sessionsChanged);
        if (sessionsChanged && _store is not null)
        {
            _store.Save(_sessions);
        }

        return refusal;
    }

    private PayloadRefusal? TranslateMessage(string topic, ReadOnlySequence<byte> bytes, LineBuilder output, out bool sessionsChanged)
    {
        sessionsChanged = false;
        RebirthTopic = null;
        Warning = null;
        var levels = topic.Split('/');
        if (levels.Length < 4 || levels[0] != Namespace)
        {
            // spBv1.0/STATE/host and the like: host-application traffic, nothing to store.
            return levels.Length >= 2 && levels[0] == Namespace && levels[1] == "STATE" ? null : new PayloadRefusal("unmapped_topic", "not a Sparkplug B topic (spBv1.0/group/type/node[/device])");
        }

        var (group, type, node) = (levels[1], levels[2], levels[3]);
        var device = levels.Length > 4 ? levels[4] : null;
        if (type is "NCMD" or "DCMD")
        {
            return null;
        }

        Payload payload;
        try
        {
            payload = Payload.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            return new PayloadRefusal("malformed_sparkplug", $"not a Sparkplug B payload: {e.Message}");
        }

        var key = group + "/" + node;
        _sessions.TryGetValue(key, out var session);
        switch (type)
        {
            case "NBIRTH":
            {
                var bdSeq = payload.Metrics.FirstOrDefault(m => m.Name == "bdSeq") is { } b ? MetricAsUnsigned(b) : 0;
                session = new SparkplugSession(bdSeq, payload.Seq);
                _sessions[key] = session;
                sessionsChanged = true;
                Declare(session, payload);
                return Values(payload, session, group, node, null, output, online: null, topic);
            }

            case "DBIRTH" when device is not null:
                if (session is null)
                {
                    return NeedsRebirth(group, node, "DBIRTH before its node's NBIRTH");
                }

                CheckSequence(session, payload);
                Declare(session, payload);
                session.Devices.Add(device);
                sessionsChanged = true;
                return Values(payload, session, group, node, device, output, online: true, topic);

            case "NDATA":
            case "DDATA" when device is not null:
                if (session is not null)
                {
                    CheckSequence(session, payload);
                }

                return Values(payload, session, group, node, device, output, online: null, topic);

            case "DDEATH" when device is not null:
                sessionsChanged = session?.Devices.Remove(device) == true;
                if (session is not null)
                {
                    CheckSequence(session, payload);
                }

                Offline(group, node, device, Timestamp(payload), output);
                return null;

            case "NDEATH":
            {
                if (session is null)
                {
                    return null;
                }

                // The broker publishes the node's will when its connection drops; a will from an earlier session
                // (bdSeq of a birth since replaced) is stale and must not take the live node offline.
                var bdSeq = payload.Metrics.FirstOrDefault(m => m.Name == "bdSeq") is { } b ? MetricAsUnsigned(b) : session.BdSeq;
                if (bdSeq != session.BdSeq)
                {
                    Warning = "stale_death";
                    return null;
                }

                _sessions.Remove(key);
                sessionsChanged = true;
                var at = Timestamp(payload);
                foreach (var d in session.Devices.Order(StringComparer.Ordinal))
                {
                    Offline(group, node, d, at, output);
                }

                return null;
            }

            default:
                return new PayloadRefusal("unmapped_topic", $"unknown Sparkplug B message type '{type}'");
        }
    }

    private PayloadRefusal? Values(Payload payload, SparkplugSession? session, string group, string node, string? device, LineBuilder output, bool? online, string topic)
    {
        _resolved.Clear();
        foreach (var metric in payload.Metrics)
        {
            string? name = metric.HasName ? metric.Name : null;
            if (name is null && metric.HasAlias)
            {
                if (session is null || !session.Aliases.TryGetValue(metric.Alias, out name))
                {
                    return NeedsRebirth(group, node, $"unknown alias {metric.Alias}" + (session is null ? " (no NBIRTH seen for this node)" : ""));
                }
            }

            if (name is null || metric.IsNull || metric.ValueCase == Payload.Types.Metric.ValueOneofCase.None)
            {
                continue;
            }

            var field = _subscription.Fields.TryGetValue(name, out var mapped) ? mapped : _keepUnmapped && !name.StartsWith("Node Control/", StringComparison.Ordinal) && name != "bdSeq" ? name : null;
            if (field is not null)
            {
                _resolved.Add((field, metric));
            }
        }

        var id = Id(group, node, device);
        if (id is null)
        {
            return null;
        }

        var payloadTime = payload.HasTimestamp ? (ulong?)payload.Timestamp : null;
        // Metrics may carry their own times (historical values); each distinct time is one point.
        foreach (var at in _resolved.Select(r => r.Metric.HasTimestamp ? r.Metric.Timestamp : payloadTime).Distinct())
        {
            BeginLine(output, id, group);
            foreach (var (field, metric) in _resolved)
            {
                if ((metric.HasTimestamp ? metric.Timestamp : payloadTime) == at)
                {
                    WriteValue(output, field, metric);
                }
            }

            if (online is { } o && at == payloadTime)
            {
                output.Field(OnlineField, o);
                online = null;
            }

            output.EndLine(ToNs(at));
        }

        if (online is { } stillOnline)
        {
            BeginLine(output, id, group);
            output.Field(OnlineField, stillOnline);
            output.EndLine(ToNs(payloadTime));
        }

        return null;
    }

    private void Offline(string group, string node, string device, ulong? at, LineBuilder output)
    {
        if (Id(group, node, device) is { } id)
        {
            BeginLine(output, id, group);
            output.Field(OnlineField, false);
            output.EndLine(ToNs(at));
        }
    }

    private void BeginLine(LineBuilder output, string id, string group)
    {
        output.BeginLine(_schema.Name);
        if (_subscription.Group is { } g && _schema.ScopeTag is { } scopeTag)
        {
            output.Tag(scopeTag, g.Replace("{group}", group, StringComparison.Ordinal));
        }

        output.Tag(TelemetrySchema.IdTag, id);
    }

    /// <summary>The equipment id of a node or device message; null for node data when ids name devices.</summary>
    private string? Id(string group, string node, string? device)
    {
        var template = _subscription.Id;
        if (device is null)
        {
            if (template is not null && template.Contains("{device}", StringComparison.Ordinal))
            {
                return null;
            }

            template ??= "{node}";
        }
        else
        {
            template ??= "{device}";
        }

        return template.Replace("{group}", group, StringComparison.Ordinal).Replace("{node}", node, StringComparison.Ordinal).Replace("{device}", device ?? "", StringComparison.Ordinal);
    }

    private void WriteValue(LineBuilder output, string field, Payload.Types.Metric metric)
    {
        var type = _schema.Fields.FirstOrDefault(f => f.Name == field)?.Type;
        switch (metric.ValueCase)
        {
            case Payload.Types.Metric.ValueOneofCase.BooleanValue:
                output.Field(field, metric.BooleanValue);
                break;
            case Payload.Types.Metric.ValueOneofCase.StringValue:
                output.Field(field, metric.StringValue);
                break;
            case Payload.Types.Metric.ValueOneofCase.FloatValue or Payload.Types.Metric.ValueOneofCase.DoubleValue:
                var d = metric.ValueCase == Payload.Types.Metric.ValueOneofCase.FloatValue ? metric.FloatValue : metric.DoubleValue;
                if (double.IsFinite(d))
                {
                    output.Field(field, d);
                }

                break;
            case Payload.Types.Metric.ValueOneofCase.IntValue or Payload.Types.Metric.ValueOneofCase.LongValue:
                var integer = MetricAsSigned(metric);
                if (type == FieldType.Boolean)
                {
                    output.Field(field, integer != 0);
                }
                else if (type == FieldType.Integer || metric.Datatype == 13)
                {
                    output.Field(field, integer);
                }
                else
                {
                    output.Field(field, (double)integer);
                }

                break;
        }
    }

    private static long MetricAsSigned(Payload.Types.Metric metric) => metric.Datatype switch
    {
        // Signed Sparkplug types travel as two's complement in the unsigned protobuf fields.
        1 => (sbyte)metric.IntValue,
        2 => (short)metric.IntValue,
        3 => (int)metric.IntValue,
        4 => (long)metric.LongValue,
        _ => metric.ValueCase == Payload.Types.Metric.ValueOneofCase.IntValue ? metric.IntValue : (long)Math.Min(metric.LongValue, long.MaxValue),
    };

    private static ulong MetricAsUnsigned(Payload.Types.Metric metric) =>
        metric.ValueCase == Payload.Types.Metric.ValueOneofCase.IntValue ? metric.IntValue : metric.LongValue;

    private static void Declare(SparkplugSession session, Payload payload)
    {
        foreach (var metric in payload.Metrics)
        {
            if (metric.HasName && metric.HasAlias)
            {
                session.Aliases[metric.Alias] = metric.Name;
            }
        }
    }

    private void CheckSequence(SparkplugSession session, Payload payload)
    {
        if (!payload.HasSeq)
        {
            return;
        }

        if (payload.Seq != (session.LastSeq + 1) % 256)
        {
            Warning = "sequence_gap";
        }

        session.LastSeq = payload.Seq;
    }

    private PayloadRefusal NeedsRebirth(string group, string node, string message)
    {
        RebirthTopic = $"{Namespace}/{group}/NCMD/{node}";
        return new PayloadRefusal("unknown_alias", message);
    }

    private static ulong? Timestamp(Payload payload) => payload.HasTimestamp ? payload.Timestamp : null;

    private static long? ToNs(ulong? ms) => ms is { } v && v < 9_223_372_036_854UL ? (long)v * 1_000_000 : null;
}
