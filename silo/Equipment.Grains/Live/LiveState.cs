using Equipment.Contracts.Messages;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Grains.Live;

/// <summary>
/// The last value and time of every field a machine has reported. Cutter fields are kept per position as
/// <c>cutter.{position}.{field}</c>. A sample older than the stored one does not overwrite it, so late or
/// replayed data cannot move the live state backwards.
/// </summary>
public sealed class LiveState
{
    private readonly Dictionary<string, FieldState> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldState>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private byte[] _groupUtf8 = [];

    public LiveState() => _lookup = _fields.GetAlternateLookup<ReadOnlySpan<char>>();

    public string? Group { get; private set; }

    public long Points { get; private set; }

    public long LastMeasuredNs { get; private set; } = long.MinValue;

    public DateTimeOffset? LastSeen { get; private set; }

    public int FieldCount => _fields.Count;

    /// <summary>Applies normalised lines (as produced by the gateway); returns the number of points.</summary>
    public int Apply(ReadOnlySpan<byte> lines, DateTimeOffset receivedAt)
    {
        var reader = new LineProtocolReader(lines);
        var count = 0;
        Span<char> name = stackalloc char[256];
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            count++;
            var ts = line.Timestamp;
            if (ts > LastMeasuredNs)
            {
                LastMeasuredNs = ts;
            }

            var prefix = 0;
            var tags = line.GetTags();
            while (tags.TryNext(out var key, out var value))
            {
                if (key.SequenceEqual("site"u8) || key.SequenceEqual("fleet"u8))
                {
                    if (!value.SequenceEqual(_groupUtf8))
                    {
                        _groupUtf8 = value.ToArray();
                        Group = System.Text.Encoding.UTF8.GetString(value);
                    }
                }
                else if (key.SequenceEqual("position"u8))
                {
                    "cutter.".AsSpan().CopyTo(name);
                    prefix = 7 + System.Text.Encoding.UTF8.GetChars(value, name[7..]);
                    name[prefix++] = '.';
                }
            }

            var fields = line.GetFields();
            while (fields.TryNext(out var key, out var value, out var error))
            {
                if (error is not null || prefix + key.Length > name.Length)
                {
                    continue;
                }

                var length = prefix + System.Text.Encoding.UTF8.GetChars(key, name[prefix..]);
                var slot = Slot(name[..length]);
                if (ts < slot.TimeNs)
                {
                    continue;
                }

                slot.TimeNs = ts;
                switch (value.Type)
                {
                    case FieldType.Boolean:
                        slot.Boolean = value.Boolean;
                        break;
                    case FieldType.String:
                        slot.Text = System.Text.Encoding.UTF8.GetString(value.Raw);
                        break;
                    default:
                        slot.Number = value.Number;
                        break;
                }
            }
        }

        Points += count;
        LastSeen = receivedAt;
        return count;
    }

    public bool TryGetNumber(string field, out double value, out long timeNs)
    {
        if (_fields.TryGetValue(field, out var s) && s.Number is { } n)
        {
            value = n;
            timeNs = s.TimeNs;
            return true;
        }

        value = 0;
        timeNs = 0;
        return false;
    }

    public EquipmentSnapshot ToSnapshot(string id, string kind)
    {
        var fields = new Dictionary<string, FieldSnapshot>(_fields.Count, StringComparer.Ordinal);
        foreach (var (key, s) in _fields)
        {
            fields[key] = new FieldSnapshot(s.Number, s.Boolean, s.Text, FromNs(s.TimeNs));
        }

        return new EquipmentSnapshot(id, kind, Group, LastSeen, Points, fields, LastMeasuredNs == long.MinValue ? null : FromNs(LastMeasuredNs));
    }

    public static DateTimeOffset FromNs(long ns) =>
        DateTimeOffset.UnixEpoch.AddTicks(ns / 100);

    private FieldState Slot(ReadOnlySpan<char> name)
    {
        if (!_lookup.TryGetValue(name, out var slot))
        {
            slot = new FieldState();
            _lookup[name] = slot;
        }

        return slot;
    }
}
