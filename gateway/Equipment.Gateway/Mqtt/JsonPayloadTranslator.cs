using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Equipment.Telemetry.Schema;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// The JSON payload shape: one object or an array of them,
/// <c>{"time": "2026-05-01T08:00:00Z" | 1777622400000, "fields": {"thrust_kn": 11800.5, "boring": true},
/// "tags": {"id": "tbm-1", "site": "north"}, "measurement": "tbm"}</c>. <c>time</c> is ISO 8601 (UTC unless it
/// carries an offset) or Unix epoch milliseconds, and receive time when absent; <c>tags</c> and
/// <c>measurement</c> are optional when the subscription's topic template and kind supply them.
/// </summary>
public sealed class JsonPayloadTranslator(MqttSubscriptionOptions subscription)
{
    private readonly TopicTemplate? _template = subscription.TopicTemplate is { } t ? new TopicTemplate(t) : null;
    private readonly bool _keepUnmapped = subscription.KeepUnmappedFields ?? true;

    public PayloadRefusal? Translate(string topic, ReadOnlySequence<byte> payload, LineBuilder output)
    {
        List<KeyValuePair<string, string>>? captured = null;
        if (_template is not null && (captured = _template.Match(topic)) is null)
        {
            return new PayloadRefusal("unmapped_topic", $"topic does not fit the template '{_template.Template}'");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return new PayloadRefusal("malformed_json", $"not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (Point(item, captured, output, $"element {index}: ") is { } refusal)
                    {
                        return refusal;
                    }

                    index++;
                }

                return null;
            }

            return Point(root, captured, output, "");
        }
    }

    private PayloadRefusal? Point(JsonElement point, List<KeyValuePair<string, string>>? captured, LineBuilder output, string where)
    {
        if (point.ValueKind != JsonValueKind.Object)
        {
            return Shape($"{where}expected an object with \"fields\"");
        }

        var measurement = point.TryGetProperty("measurement", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : subscription.Kind;
        if (measurement is null)
        {
            return Shape($"{where}no \"measurement\" and the subscription has no kind");
        }

        if (!point.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
        {
            return Shape($"{where}\"fields\" must be an object");
        }

        long? timestampNs = null;
        if (point.TryGetProperty("time", out var time) && time.ValueKind != JsonValueKind.Null)
        {
            if (!TryReadTime(time, out var ns))
            {
                return Shape($"{where}\"time\" must be ISO 8601 or epoch milliseconds, not {time.GetRawText()}");
            }

            timestampNs = ns;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (captured is not null)
        {
            foreach (var (key, value) in captured)
            {
                tags[key] = value;
            }
        }

        if (point.TryGetProperty("tags", out var payloadTags))
        {
            if (payloadTags.ValueKind != JsonValueKind.Object)
            {
                return Shape($"{where}\"tags\" must be an object of strings");
            }

            foreach (var tag in payloadTags.EnumerateObject())
            {
                if (tag.Value.ValueKind != JsonValueKind.String)
                {
                    return Shape($"{where}tag '{tag.Name}' must be a string");
                }

                tags[tag.Name] = tag.Value.GetString()!;
            }
        }

        if (subscription.Id is { } id)
        {
            tags[TelemetrySchema.IdTag] = id;
        }

        var schema = TelemetrySchema.Measurements.FirstOrDefault(s => s.Name == measurement);
        if (subscription.Group is { } group && schema?.ScopeTag is { } scopeTag)
        {
            tags.TryAdd(scopeTag, group);
        }

        output.BeginLine(measurement);
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            output.Tag(key, value);
        }

        foreach (var field in fields.EnumerateObject())
        {
            var name = subscription.Fields.TryGetValue(field.Name, out var mapped) ? mapped : _keepUnmapped ? field.Name : null;
            if (name is null)
            {
                continue;
            }

            switch (field.Value.ValueKind)
            {
                case JsonValueKind.Number:
                    var type = schema?.Fields.FirstOrDefault(f => f.Name == name)?.Type;
                    if (type == Telemetry.LineProtocol.FieldType.Integer && field.Value.TryGetInt64(out var integer))
                    {
                        output.Field(name, integer);
                    }
                    else
                    {
                        // Unknown fields are always floats, so that 1 then 1.5 from one sensor is not a type conflict.
                        output.Field(name, field.Value.GetDouble());
                    }

                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    output.Field(name, field.Value.GetBoolean());
                    break;
                case JsonValueKind.String:
                    output.Field(name, field.Value.GetString()!);
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    return Shape($"{where}field '{field.Name}' must be a number, boolean, string or null");
            }
        }

        output.EndLine(timestampNs);
        return null;
    }

    private static bool TryReadTime(JsonElement time, out long ns)
    {
        ns = 0;
        if (time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out var ms))
        {
            if (ms is < -9_223_372_036_854 or > 9_223_372_036_854)
            {
                return false;
            }

            ns = ms * 1_000_000;
            return true;
        }

        if (time.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            ns = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
            return true;
        }

        return false;
    }

    private static PayloadRefusal Shape(string message) => new("malformed_json", message);
}
