using System.Globalization;
using System.Text;
using InfluxDB.Client.Writes;
using MQTTnet;
using MQTTnet.Protocol;

namespace Equipment.Simulator.Sending;

/// <summary>
/// Publishes the simulator's points to an MQTT broker with QoS 1, as site equipment would: TBMs as a Sparkplug B
/// edge node (group = the TBM's site, one device per TBM: NBIRTH, DBIRTH with metric aliases, DDATA by alias,
/// DDEATH on stop), trucks as InfluxDB line protocol on <c>sim/{id}/lp</c>. Metric names are the schema's field names.
/// </summary>
public sealed class MqttPointWriter : IPointWriter, IAsyncDisposable
{
    public const string EdgeNode = "sim-edge";

    private readonly IMqttClient _client;
    private readonly string _idPrefix;
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    private MqttPointWriter(IMqttClient client, string idPrefix)
    {
        _client = client;
        _idPrefix = idPrefix;
    }

    public static async Task<MqttPointWriter> ConnectAsync(string broker, string idPrefix, CancellationToken ct)
    {
        var colon = broker.LastIndexOf(':');
        var (host, port) = colon > 0 ? (broker[..colon], int.Parse(broker[(colon + 1)..], CultureInfo.InvariantCulture)) : (broker, 1883);
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId($"equipment-simulator-{Environment.ProcessId}").Build(), ct);
        return new MqttPointWriter(client, idPrefix);
    }

    public async Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var truckLines = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
            foreach (var point in points)
            {
                var p = Parse(point.ToLineProtocol());
                var id = _idPrefix + p.Tags.GetValueOrDefault("id", "unknown");
                if (p.Measurement == "tbm")
                {
                    await PublishSparkplugAsync(p.Tags.GetValueOrDefault("site", "site"), id, p, cancellationToken);
                }
                else
                {
                    var lines = truckLines.TryGetValue(id, out var b) ? b : truckLines[id] = new StringBuilder();
                    lines.Append(point.ToLineProtocol().Replace(",id=", ",id=" + _idPrefix, StringComparison.Ordinal)).Append('\n');
                }
            }

            foreach (var (id, lines) in truckLines)
            {
                await PublishAsync($"sim/{id}/lp", Encoding.UTF8.GetBytes(lines.ToString()), cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            // A simulator that stops takes its TBMs offline explicitly, as an edge node shutting down would.
            foreach (var (group, node) in _nodes)
            {
                foreach (var device in node.Devices.Keys)
                {
                    await PublishAsync($"spBv1.0/{group}/DDEATH/{EdgeNode}/{device}", SparkplugEncoder.Payload(Now(), node.NextSeq(), []), CancellationToken.None);
                }
            }

            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task PublishSparkplugAsync(string group, string device, ParsedPoint p, CancellationToken ct)
    {
        if (!_nodes.TryGetValue(group, out var node))
        {
            node = _nodes[group] = new Node();
            await PublishAsync($"spBv1.0/{group}/NBIRTH/{EdgeNode}", SparkplugEncoder.Payload(Now(), 0, [new SparkplugMetric("bdSeq", null, SparkplugEncoder.UInt64, 0UL)]), ct);
        }

        if (!node.Devices.TryGetValue(device, out var aliases))
        {
            aliases = node.Devices[device] = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var field in p.Fields.Keys)
            {
                aliases[field] = node.NextAlias++;
            }

            var birth = p.Fields.Select(f => new SparkplugMetric(f.Key, aliases[f.Key], DataType(f.Value), f.Value));
            await PublishAsync($"spBv1.0/{group}/DBIRTH/{EdgeNode}/{device}", SparkplugEncoder.Payload(p.TimestampMs, node.NextSeq(), birth), ct);
            return;
        }

        // A field the birth did not declare goes by name; declared ones by alias.
        var metrics = p.Fields.Select(f => aliases.TryGetValue(f.Key, out var a)
            ? new SparkplugMetric(null, a, DataType(f.Value), f.Value)
            : new SparkplugMetric(f.Key, null, DataType(f.Value), f.Value));
        await PublishAsync($"spBv1.0/{group}/DDATA/{EdgeNode}/{device}", SparkplugEncoder.Payload(p.TimestampMs, node.NextSeq(), metrics), ct);
    }

    private async Task PublishAsync(string topic, byte[] payload, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await _client.PublishAsync(message, ct);
        if (!result.IsSuccess)
        {
            throw new IOException($"MQTT publish to {topic} refused: {result.ReasonCode}");
        }
    }

    private static uint DataType(object value) => value switch
    {
        bool => SparkplugEncoder.Boolean,
        long => SparkplugEncoder.Int64,
        string => SparkplugEncoder.String,
        _ => SparkplugEncoder.Double,
    };

    private static ulong Now() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The simulator's own lines: no escaped characters, nanosecond timestamps.</summary>
    private static ParsedPoint Parse(string line)
    {
        var parts = line.Split(' ');
        var key = parts[0].Split(',');
        var tags = key.Skip(1).Select(t => t.Split('=', 2)).ToDictionary(t => t[0], t => t[1], StringComparer.Ordinal);
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in parts[1].Split(','))
        {
            var (name, text) = (field[..field.IndexOf('=')], field[(field.IndexOf('=') + 1)..]);
            fields[name] = text switch
            {
                "true" or "t" or "T" => true,
                "false" or "f" or "F" => false,
                _ when text.EndsWith('i') => long.Parse(text[..^1], CultureInfo.InvariantCulture),
                _ when text.StartsWith('"') => text.Trim('"'),
                _ => double.Parse(text, CultureInfo.InvariantCulture),
            };
        }

        var timestampMs = parts.Length > 2 ? (ulong)(long.Parse(parts[2], CultureInfo.InvariantCulture) / 1_000_000) : Now();
        return new ParsedPoint(key[0], tags, fields, timestampMs);
    }

    private sealed record ParsedPoint(string Measurement, Dictionary<string, string> Tags, Dictionary<string, object> Fields, ulong TimestampMs);

    private sealed class Node
    {
        private ulong _seq;

        public Dictionary<string, Dictionary<string, ulong>> Devices { get; } = new(StringComparer.Ordinal);

        public ulong NextAlias { get; set; } = 1;

        public ulong NextSeq() => _seq = (_seq + 1) % 256;
    }
}
