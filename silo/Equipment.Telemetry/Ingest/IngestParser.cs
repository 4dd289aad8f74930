using System.Globalization;
using Equipment.Telemetry.LineProtocol;
using Equipment.Telemetry.Schema;

namespace Equipment.Telemetry.Ingest;

/// <summary>
/// Turns one write request into normalised line protocol grouped by equipment, or the first reason to refuse it.
/// Normalised means: every line carries a nanosecond timestamp, interpreted fields have their schema type
/// (an integer sent for a float field is written as a float), unsigned integers become integers because
/// InfluxDB 1.x has no unsigned type. Nothing is kept unless the whole request is valid.
/// </summary>
public sealed class IngestParser
{
    /// <summary>InfluxDB's own bounds for a point's time (MinNanoTime/MaxNanoTime).</summary>
    public const long MinTimestampNs = long.MinValue + 2;
    public const long MaxTimestampNs = long.MaxValue - 1;

    /// <summary>
    /// InfluxDB's MaxKeyLength: it refuses a point when, for any field, the series key (measurement and tags)
    /// plus 4 plus the field key is longer.
    /// </summary>
    public const int MaxSeriesKeyBytes = 65535;

    private readonly FieldTypeRegistry _unknownFieldTypes;

    public IngestParser(FieldTypeRegistry unknownFieldTypes) => _unknownFieldTypes = unknownFieldTypes;

    public IngestResult Parse(ReadOnlySpan<byte> body, long nanosecondsPerUnit, long receivedNs, IWriteScope scope)
    {
        var reader = new LineProtocolReader(body);
        var groups = new List<Group>();
        Dictionary<string, Group>? index = null;
        Group? last = null;
        var points = 0;
        Dictionary<string, (FieldType Type, int Line)>? pendingTypes = null;
        var unknownKeys = new UnknownKeys();
        try
        {
            while (true)
            {
                var status = reader.Read(out var line);
                if (status == ReadStatus.End)
                {
                    break;
                }

                if (status == ReadStatus.Error)
                {
                    return IngestResult.Invalid(reader.Error);
                }

                var schema = TelemetrySchema.Find(line.Measurement);
                if (schema is null)
                {
                    return Invalid(line, $"unknown measurement '{FieldReader.Show(line.Measurement)}' (expected tbm, tbm_cutter, truck, truck_cells or truck_probes)");
                }

                var tagError = ReadTags(line, schema, out var id, out var scopeGroup);
                if (tagError is not null)
                {
                    return Invalid(line, tagError);
                }

                if (!scope.Allows(schema.Kind, id, scopeGroup))
                {
                    return IngestResult.Forbidden(new LineProtocolError(line.Number, $"token may not write for {schema.Kind.ToString().ToLowerInvariant()} '{FieldReader.Show(id)}'"));
                }

                var group = Find(schema.Kind, id, ref last, groups, ref index);
                var buffer = group.Buffer;
                buffer.Write(line.Measurement);
                if (!line.Tags.IsEmpty)
                {
                    buffer.Write((byte)',');
                    buffer.Write(line.Tags);
                }

                buffer.Write((byte)' ');
                var fieldError = WriteFields(line, schema, buffer, unknownKeys, ref pendingTypes);
                if (fieldError is not null)
                {
                    return Invalid(line, fieldError);
                }

                long ns;
                if (!line.HasTimestamp)
                {
                    ns = receivedNs;
                }
                else if (line.Timestamp > MaxTimestampNs / nanosecondsPerUnit || line.Timestamp < MinTimestampNs / nanosecondsPerUnit)
                {
                    return Invalid(line, $"timestamp {line.Timestamp} is out of InfluxDB's range at this precision");
                }
                else
                {
                    ns = line.Timestamp * nanosecondsPerUnit;
                }

                buffer.Write((byte)' ');
                buffer.Write(ns);
                buffer.Write((byte)'\n');
                group.Points++;
                points++;
            }

            if (_unknownFieldTypes.Commit(pendingTypes) is { } conflict)
            {
                return IngestResult.Invalid(new LineProtocolError(conflict.Line, $"field '{conflict.Field}' was just written as {Name(conflict.Earlier)} by another request (InfluxDB keeps one type per field)"));
            }

            var batches = new EquipmentLines[groups.Count];
            for (var i = 0; i < groups.Count; i++)
            {
                batches[i] = new EquipmentLines(groups[i].Kind, groups[i].Id, groups[i].Buffer.ToArray(), groups[i].Points);
            }

            return IngestResult.Accepted(batches, points);
        }
        finally
        {
            foreach (var g in groups)
            {
                g.Buffer.Dispose();
            }
        }
    }

    private static IngestResult Invalid(in LineProtocolLine line, string reason) => IngestResult.Invalid(new LineProtocolError(line.Number, reason));

    private static string? ReadTags(in LineProtocolLine line, MeasurementSchema schema, out ReadOnlySpan<byte> id, out ReadOnlySpan<byte> group)
    {
        id = default;
        group = default;
        var hasId = false;
        var hasPosition = false;
        var tags = line.GetTags();
        var seen = 0;
        HashSet<string>? many = null;
        while (tags.TryNext(out var key, out var value))
        {
            seen++;
            if (IsDuplicateTag(line, key, seen, ref many))
            {
                return $"duplicate tag '{FieldReader.Show(key)}'";
            }

            if (key.SequenceEqual("time"u8))
            {
                return "tag key 'time' is reserved by InfluxDB";
            }

            if (key.SequenceEqual("id"u8))
            {
                if (!TelemetrySchema.IsValidId(value))
                {
                    return $"tag 'id' must be 1 to {TelemetrySchema.MaxIdLength} letters, digits or - _ . : (got '{FieldReader.Show(value)}')";
                }

                id = value;
                hasId = true;
            }
            else if (schema.ScopeTag is not null && key.SequenceEqual(schema.ScopeTagUtf8))
            {
                group = value;
            }
            else if (schema.PositionTag is { } positionTag && key.SequenceEqual(schema.PositionTagUtf8))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position > 9999)
                {
                    return $"tag '{positionTag}' must be an integer from 0 to 9999 (got '{FieldReader.Show(value)}')";
                }

                hasPosition = true;
            }
        }

        if (!hasId)
        {
            return "missing tag 'id' (the equipment id)";
        }

        if (schema.PositionTag is not null && !hasPosition)
        {
            return $"missing tag '{schema.PositionTag}'";
        }

        return null;
    }

    private string? WriteFields(in LineProtocolLine line, MeasurementSchema schema, ByteBuffer buffer, UnknownKeys unknownKeys, ref Dictionary<string, (FieldType Type, int Line)>? pendingTypes)
    {
        ulong known = 0;
        var fields = line.GetFields();
        var first = true;
        unknownKeys.Clear();
        var seriesKey = line.Measurement.Length + 1 + line.Tags.Length;
        while (fields.TryNext(out var key, out var value, out var valueError))
        {
            if (valueError is not null)
            {
                return $"field '{FieldReader.Show(key)}': {valueError}";
            }

            if (seriesKey + 4 + key.Length > MaxSeriesKeyBytes)
            {
                return $"measurement, tags and field '{FieldReader.Show(key)}' longer than InfluxDB's key limit ({MaxSeriesKeyBytes} bytes with 4 for the separator)";
            }

            if (!first)
            {
                buffer.Write((byte)',');
            }

            first = false;
            var index = schema.IndexOf(key);
            if (index >= 0)
            {
                var bit = 1UL << index;
                if ((known & bit) != 0)
                {
                    return $"duplicate field '{FieldReader.Show(key)}'";
                }

                known |= bit;
                buffer.Write(key);
                buffer.Write((byte)'=');
                var error = WriteKnown(schema.Fields[index], value, buffer);
                if (error is not null)
                {
                    return error;
                }

                continue;
            }

            if (key.SequenceEqual("time"u8))
            {
                return "field key 'time' is reserved by InfluxDB";
            }

            if (IsDuplicateUnknown(line.Fields, key, unknownKeys))
            {
                return $"duplicate field '{FieldReader.Show(key)}'";
            }

            buffer.Write(key);
            buffer.Write((byte)'=');
            var type = value.Type;
            if (type == FieldType.UInteger)
            {
                if (!FitsLong(value))
                {
                    return $"field '{FieldReader.Show(key)}': unsigned value above {long.MaxValue} cannot be stored";
                }

                type = FieldType.Integer;
                buffer.Write(value.Raw[..^1]);
                buffer.Write((byte)'i');
            }
            else if (type == FieldType.String)
            {
                buffer.Write((byte)'"');
                buffer.Write(value.Raw);
                buffer.Write((byte)'"');
            }
            else
            {
                buffer.Write(value.Raw);
            }

            if (_unknownFieldTypes.Check(schema.Name, key, type, line.Number, ref pendingTypes) is { } earlier)
            {
                return $"field '{FieldReader.Show(key)}' is {Name(type)} here but was {Name(earlier)} before (InfluxDB keeps one type per field)";
            }
        }

        return null;
    }

    /// <summary>Lines with more keys than this check duplicates with a set: comparing pairs would be quadratic in a 1 MB line.</summary>
    private const int PairwiseLimit = 32;

    private static bool IsDuplicateTag(in LineProtocolLine line, ReadOnlySpan<byte> key, int seen, ref HashSet<string>? many)
    {
        if (seen <= PairwiseLimit)
        {
            var others = line.GetTags();
            for (var k = 1; k < seen && others.TryNext(out var earlier, out _); k++)
            {
                if (earlier.SequenceEqual(key))
                {
                    return true;
                }
            }

            return false;
        }

        if (many is null)
        {
            many = new HashSet<string>(StringComparer.Ordinal);
            var earlier = line.GetTags();
            for (var k = 1; k < seen && earlier.TryNext(out var e, out _); k++)
            {
                many.Add(System.Text.Encoding.UTF8.GetString(e));
            }
        }

        return !many.Add(System.Text.Encoding.UTF8.GetString(key));
    }

    /// <summary>
    /// Whether this line named <paramref name="key"/> among its uninterpreted fields before. The keys seen are kept
    /// as offsets with a hash, so a check costs a scan of integers (or a set lookup on a long line), never a re-read of
    /// the line's values: re-reading made a 50-channel logger row cost about 800 value parses.
    /// </summary>
    private static bool IsDuplicateUnknown(ReadOnlySpan<byte> fields, ReadOnlySpan<byte> key, UnknownKeys seen)
    {
        fields.Overlaps(key, out var offset);
        var hash = Hash(key);
        var duplicate = false;
        if (seen.Count < PairwiseLimit)
        {
            for (var i = 0; i < seen.Count && !duplicate; i++)
            {
                duplicate = seen.Hashes[i] == hash && fields.Slice(seen.Offsets[i], seen.Lengths[i]).SequenceEqual(key);
            }
        }
        else
        {
            if (seen.Set.Count == 0)
            {
                for (var i = 0; i < seen.Count; i++)
                {
                    seen.Set.Add(seen.Hashes[i]);
                }
            }

            if (!seen.Set.Add(hash))
            {
                for (var i = 0; i < seen.Count && !duplicate; i++)
                {
                    duplicate = seen.Hashes[i] == hash && fields.Slice(seen.Offsets[i], seen.Lengths[i]).SequenceEqual(key);
                }
            }
        }

        seen.Add(offset, key.Length, hash);
        return duplicate;
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    private static string? WriteKnown(FieldSchema field, in FieldValue value, ByteBuffer buffer)
    {
        switch (field.Type)
        {
            case FieldType.Float when value.Type == FieldType.Float:
                buffer.Write(value.Raw);
                return null;
            case FieldType.Float when value.Type is FieldType.Integer or FieldType.UInteger:
                buffer.Write(value.Raw[..^1]);
                return null;
            case FieldType.Integer when value.Type == FieldType.Integer:
                buffer.Write(value.Raw);
                return null;
            case FieldType.Integer when value.Type == FieldType.UInteger && FitsLong(value):
                buffer.Write(value.Raw[..^1]);
                buffer.Write((byte)'i');
                return null;
            case FieldType.Integer when value.Type == FieldType.Float && value.Number == Math.Floor(value.Number) && Math.Abs(value.Number) < 9.2e18:
                buffer.Write((long)value.Number);
                buffer.Write((byte)'i');
                return null;
            case FieldType.Boolean when value.Type == FieldType.Boolean:
                buffer.Write(value.Raw);
                return null;
            default:
                return $"field '{field.Name}' must be {Name(field.Type)} ({field.Unit}), got {Name(value.Type)} '{FieldReader.Show(value.Raw)}'";
        }
    }

    /// <summary>
    /// Whether an unsigned value fits InfluxDB 1.x's signed integer. Not decided on the double <see cref="FieldValue.Number"/>:
    /// 2^63 and the values just above it round to (double)long.MaxValue.
    /// </summary>
    private static bool FitsLong(in FieldValue value) =>
        ulong.TryParse(value.Raw[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u <= long.MaxValue;

    private static string Name(FieldType type) => type switch
    {
        FieldType.Float => "a number",
        FieldType.Integer => "an integer",
        FieldType.UInteger => "an unsigned integer",
        FieldType.String => "a string",
        _ => "a boolean",
    };

    private static Group Find(EquipmentKind kind, ReadOnlySpan<byte> id, ref Group? last, List<Group> groups, ref Dictionary<string, Group>? index)
    {
        if (last is not null && last.Kind == kind && last.IdUtf8.AsSpan().SequenceEqual(id))
        {
            return last;
        }

        // Ids are ASCII (validated), so widening each byte is an exact UTF-16 key.
        Span<char> key = stackalloc char[id.Length + 1];
        key[0] = (char)('0' + (int)kind);
        for (var i = 0; i < id.Length; i++)
        {
            key[i + 1] = (char)id[i];
        }

        index ??= new Dictionary<string, Group>(StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key, out var group))
        {
            group = new Group(kind, id.ToArray());
            lookup[key] = group;
            groups.Add(group);
        }

        last = group;
        return group;
    }

    private sealed class Group(EquipmentKind kind, byte[] id)
    {
        public EquipmentKind Kind { get; } = kind;

        public byte[] IdUtf8 { get; } = id;

        public string Id { get; } = System.Text.Encoding.ASCII.GetString(id);

        public ByteBuffer Buffer { get; } = new(1024);

        public int Points { get; set; }
    }

    /// <summary>The uninterpreted field keys of the line being read: offsets into its field section and hashes.</summary>
    private sealed class UnknownKeys
    {
        public int[] Offsets { get; private set; } = new int[64];

        public int[] Lengths { get; private set; } = new int[64];

        public int[] Hashes { get; private set; } = new int[64];

        public HashSet<int> Set { get; } = [];

        public int Count { get; private set; }

        public void Clear()
        {
            if (Set.Count > 0)
            {
                Set.Clear();
            }

            Count = 0;
        }

        public void Add(int offset, int length, int hash)
        {
            if (Count == Offsets.Length)
            {
                Offsets = [.. Offsets, .. new int[Count]];
                Lengths = [.. Lengths, .. new int[Count]];
                Hashes = [.. Hashes, .. new int[Count]];
            }

            if (Set.Count > 0)
            {
                Set.Add(hash);
            }

            Offsets[Count] = offset;
            Lengths[Count] = length;
            Hashes[Count++] = hash;
        }
    }
}
