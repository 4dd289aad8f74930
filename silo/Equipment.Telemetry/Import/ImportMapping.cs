using System.Globalization;
using System.Text.Json;
using Equipment.Telemetry.LineProtocol;
using Equipment.Telemetry.Schema;

namespace Equipment.Telemetry.Import;

/// <summary>
/// How a logger's CSV becomes telemetry: the time column, its format and time zone, and per channel the schema field
/// and unit. Loaded from JSON (see data/samples/README.md); every mistake is reported with the key it is under.
/// </summary>
public sealed class ImportMapping
{
    private static readonly HashSet<string> TopKeys = ["measurement", "delimiter", "decimal", "headerLine", "time", "tags", "channels"];
    private static readonly HashSet<string> TimeKeys = ["column", "format", "timeZone"];
    private static readonly HashSet<string> ChannelKeys = ["field", "unit", "custom"];

    private ImportMapping(MeasurementSchema measurement, char delimiter, char decimalSeparator, int headerLine, string timeColumn, string timeFormat,
        TimeZoneInfo? timeZone, IReadOnlyList<KeyValuePair<string, string>> tags, IReadOnlyList<ChannelMapping> channels)
    {
        Measurement = measurement;
        Delimiter = delimiter;
        DecimalSeparator = decimalSeparator;
        HeaderLine = headerLine;
        TimeColumn = timeColumn;
        TimeFormat = timeFormat;
        TimeZone = timeZone;
        Tags = tags;
        Channels = channels;
    }

    public MeasurementSchema Measurement { get; }

    public char Delimiter { get; }

    public char DecimalSeparator { get; }

    /// <summary>1-based line of the header; loggers often write a preamble before it.</summary>
    public int HeaderLine { get; }

    public string TimeColumn { get; }

    /// <summary><c>unix</c>, <c>unix_ms</c>, <c>iso8601</c> or a .NET custom format such as <c>dd.MM.yyyy HH:mm:ss</c>.</summary>
    public string TimeFormat { get; }

    /// <summary>The zone local logger times are in; null only for formats that carry their own offset.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>Extra tags on every point (e.g. <c>site</c>), besides <c>id</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; }

    public IReadOnlyList<ChannelMapping> Channels { get; }

    public static ImportMapping Load(string json, string kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ImportMappingException("(file)", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ImportMappingException("(root)", "must be a JSON object");
            }

            CheckKeys(root, TopKeys, "");
            var measurementName = OptionalString(root, "measurement", "measurement") ?? kind;
            var measurement = TelemetrySchema.Measurements.FirstOrDefault(m => m.Name == measurementName)
                ?? throw new ImportMappingException("measurement", $"'{measurementName}' is not a measurement of the schema ({string.Join(", ", TelemetrySchema.Measurements.Select(m => m.Name))})");
            if (measurement.Name != kind)
            {
                throw new ImportMappingException("measurement", $"'{measurement.Name}' does not match the import kind '{kind}'");
            }

            if (measurement.PositionTag is not null)
            {
                throw new ImportMappingException("measurement", $"'{measurement.Name}' needs a {measurement.PositionTag} per point; import tbm or truck");
            }

            var delimiter = OneChar(root, "delimiter", ',');
            var decimalSeparator = OneChar(root, "decimal", '.');
            if (delimiter == decimalSeparator)
            {
                throw new ImportMappingException("decimal", $"'{decimalSeparator}' is also the delimiter");
            }

            var headerLine = 1;
            if (root.TryGetProperty("headerLine", out var header))
            {
                if (header.ValueKind != JsonValueKind.Number || !header.TryGetInt32(out headerLine) || headerLine < 1)
                {
                    throw new ImportMappingException("headerLine", "must be a line number, 1 or more");
                }
            }

            if (!root.TryGetProperty("time", out var time) || time.ValueKind != JsonValueKind.Object)
            {
                throw new ImportMappingException("time", "required: { \"column\": …, \"format\": …, \"timeZone\": … }");
            }

            CheckKeys(time, TimeKeys, "time.");
            var timeColumn = OptionalString(time, "column", "time.column") ?? throw new ImportMappingException("time.column", "required: the header name of the time column");
            var format = OptionalString(time, "format", "time.format") ?? throw new ImportMappingException("time.format", "required: unix, unix_ms, iso8601 or a .NET format such as yyyy-MM-dd HH:mm:ss");
            if (format is not ("unix" or "unix_ms" or "iso8601"))
            {
                try
                {
                    _ = new DateTime(2026, 3, 1, 6, 5, 4, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
                }
                catch (FormatException)
                {
                    throw new ImportMappingException("time.format", $"'{format}' is not a date/time format");
                }
            }

            TimeZoneInfo? zone = null;
            var zoneName = OptionalString(time, "timeZone", "time.timeZone");
            if (zoneName is not null)
            {
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
                }
                catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    throw new ImportMappingException("time.timeZone", $"'{zoneName}' is not a known IANA time zone (e.g. Europe/Vienna, Asia/Shanghai, UTC)");
                }
            }
            else if (format is not ("unix" or "unix_ms"))
            {
                throw new ImportMappingException("time.timeZone", $"required for format '{format}': the IANA zone the logger's clock shows (e.g. Europe/Vienna, or UTC)");
            }

            var tags = new List<KeyValuePair<string, string>>();
            if (root.TryGetProperty("tags", out var tagsElement))
            {
                if (tagsElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ImportMappingException("tags", "must be an object of tag names to values");
                }

                foreach (var tag in tagsElement.EnumerateObject())
                {
                    if (tag.Value.ValueKind != JsonValueKind.String || tag.Value.GetString() is not { Length: > 0 } value)
                    {
                        throw new ImportMappingException($"tags.{tag.Name}", "must be a non-empty string");
                    }

                    if (tag.Name is "id" or "time" || tag.Name.Length == 0 || tag.Name.AsSpan().ContainsAny(" ,=\"\n\\") || value.AsSpan().ContainsAny(",= \n\\\""))
                    {
                        throw new ImportMappingException($"tags.{tag.Name}", "not allowed (id comes from --id; names and values without spaces, commas, '=', quotes)");
                    }

                    tags.Add(new(tag.Name, value));
                }
            }

            if (!root.TryGetProperty("channels", out var channelsElement) || channelsElement.ValueKind != JsonValueKind.Object)
            {
                throw new ImportMappingException("channels", "required: an object of logger column names to { \"field\": …, \"unit\": … }");
            }

            var channels = new List<ChannelMapping>();
            foreach (var channel in channelsElement.EnumerateObject())
            {
                channels.Add(Channel(channel, measurement, channels));
            }

            if (channels.Count == 0)
            {
                throw new ImportMappingException("channels", "maps no column");
            }

            return new ImportMapping(measurement, delimiter, decimalSeparator, headerLine, timeColumn, format, zone, tags, channels);
        }
    }

    private static ChannelMapping Channel(JsonProperty channel, MeasurementSchema measurement, List<ChannelMapping> earlier)
    {
        var key = $"channels.\"{channel.Name}\"";
        if (channel.Value.ValueKind != JsonValueKind.Object)
        {
            throw new ImportMappingException(key, "must be an object { \"field\": …, \"unit\": … }");
        }

        CheckKeys(channel.Value, ChannelKeys, key + ".");
        var field = OptionalString(channel.Value, "field", key + ".field") ?? throw new ImportMappingException(key + ".field", "required: the schema field this column becomes");
        var custom = channel.Value.TryGetProperty("custom", out var c) && c.ValueKind == JsonValueKind.True;
        if (earlier.Any(e => e.Field == field))
        {
            throw new ImportMappingException(key + ".field", $"'{field}' is already mapped from \"{earlier.First(e => e.Field == field).Channel}\"");
        }

        var unit = OptionalString(channel.Value, "unit", key + ".unit");
        var schemaField = measurement.Fields.FirstOrDefault(f => f.Name == field);
        if (schemaField is null)
        {
            if (!custom)
            {
                throw new ImportMappingException(key + ".field", $"'{field}' is not a field of {measurement.Name} ({string.Join(", ", measurement.Fields.Select(f => f.Name))}); set \"custom\": true to store a field the platform does not interpret");
            }

            if (field is "time" or "id" || field.Length == 0 || !field.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                throw new ImportMappingException(key + ".field", $"'{field}' is not usable as a field name (letters, digits, underscore; not time or id)");
            }

            return new ChannelMapping(channel.Name, field, FieldType.Float, UnitConversion.Identity);
        }

        if (custom)
        {
            throw new ImportMappingException(key + ".custom", $"'{field}' is a schema field of {measurement.Name}; custom applies only to other fields");
        }

        if (schemaField.Type == FieldType.Boolean)
        {
            if (unit is not null and not "bool")
            {
                throw new ImportMappingException(key + ".unit", $"'{field}' is a boolean (0/1, true/false); it has no unit");
            }

            return new ChannelMapping(channel.Name, field, FieldType.Boolean, UnitConversion.Identity);
        }

        var conversion = UnitConversion.Identity;
        if (unit is not null && !UnitConversion.TryGet(unit, schemaField.Unit, out conversion))
        {
            throw new ImportMappingException(key + ".unit", $"cannot convert '{unit}' to {field}'s unit {schemaField.Unit}");
        }

        return new ChannelMapping(channel.Name, field, schemaField.Type, conversion);
    }

    private static void CheckKeys(JsonElement element, HashSet<string> allowed, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw new ImportMappingException(prefix + property.Name, $"unknown key (expected one of {string.Join(", ", allowed)})");
            }
        }
    }

    private static string? OptionalString(JsonElement element, string name, string key)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ImportMappingException(key, "must be a non-empty string");
    }

    private static char OneChar(JsonElement root, string name, char fallback)
    {
        var text = OptionalString(root, name, name);
        if (text is null)
        {
            return fallback;
        }

        if (text == "\\t" || text == "tab")
        {
            return '\t';
        }

        return text.Length == 1 && text[0] != '"' && text[0] != '\n' ? text[0] : throw new ImportMappingException(name, $"must be one character (was '{text}')");
    }
}
