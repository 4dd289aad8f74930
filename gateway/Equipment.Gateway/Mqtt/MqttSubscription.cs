using System.Buffers;
using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// One configured subscription: turns a message into the line protocol the HTTP API takes and runs it through the
/// same <see cref="IngestParser"/> (schema, ids, types, scope). Not thread-safe: fed in order by one connection.
/// </summary>
public sealed class MqttSubscription
{
    private readonly IngestParser _parser;
    private readonly IWriteScope _scope;
    private readonly long _nsPerUnit = 1;
    private readonly JsonPayloadTranslator? _json;
    private readonly SparkplugTranslator? _sparkplug;
    private readonly LineBuilder _lines = new();

    /// <param name="sessionFile">Sparkplug B only: where the node sessions (aliases) are kept across restarts.</param>
    public MqttSubscription(MqttSubscriptionOptions options, IngestParser parser, string? sessionFile = null)
    {
        Options = options;
        _parser = parser;
        _scope = options.Scope == "all" ? UnrestrictedScope.Instance : TokenScope.Parse(options.Scope);
        switch (options.Format)
        {
            case MqttFormats.LineProtocol:
                Precision.TryParse(options.Precision, out _nsPerUnit);
                break;
            case MqttFormats.Json:
                _json = new JsonPayloadTranslator(options);
                break;
            case MqttFormats.SparkplugB:
                _sparkplug = new SparkplugTranslator(options, sessionFile is null ? null : new SparkplugSessionStore(sessionFile));
                break;
        }
    }

    public MqttSubscriptionOptions Options { get; }

    /// <summary>After <see cref="Parse"/>: a Sparkplug node to ask for a rebirth, or null.</summary>
    public string? RebirthTopic => _sparkplug?.RebirthTopic;

    /// <summary>After <see cref="Parse"/>: something accepted but worth counting, or null.</summary>
    public string? Warning => _sparkplug?.Warning;

    /// <summary>The message's points grouped by equipment (possibly none), or why it is refused.</summary>
    public (IngestResult? Result, PayloadRefusal? Refusal) Parse(string topic, ReadOnlySequence<byte> payload, long receivedNs)
    {
        if (_json is null && _sparkplug is null)
        {
            var body = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
            return Check(_parser.Parse(body, _nsPerUnit, receivedNs, _scope));
        }

        _lines.Clear();
        var refusal = _json is not null ? _json.Translate(topic, payload, _lines) : _sparkplug!.Translate(topic, payload, _lines);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        return _lines.Lines == 0 ? (null, null) : Check(_parser.Parse(_lines.Written, 1, receivedNs, _scope));
    }

    private static (IngestResult?, PayloadRefusal?) Check(IngestResult result) => result.Outcome switch
    {
        IngestOutcome.Invalid => (null, new PayloadRefusal("invalid", result.Error.Message)),
        IngestOutcome.Forbidden => (null, new PayloadRefusal("forbidden", result.Error.Message)),
        _ => (result, null),
    };
}
