using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

            // Hundreds of cell and probe fields per truck are history, not live state.
            if (line.Measurement.SequenceEqual("truck_cells"u8) || line.Measurement.SequenceEqual("truck_probes"u8))
            {
                continue;
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
                ref var slot = ref Slot(name[..length]);
                if (slot.Kind != FieldKind.None && ts < slot.TimeNs)
                {
                    continue;
                }

                slot.TimeNs = ts;
                slot.Text = null;
                switch (value.Type)
                {
                    case FieldType.Boolean:
                        slot.Kind = value.Boolean ? FieldKind.True : FieldKind.False;
                        break;
                    case FieldType.String:
                        slot.Kind = FieldKind.Text;
                        slot.Text = System.Text.Encoding.UTF8.GetString(value.Raw);
                        break;
                    default:
                        slot.Kind = FieldKind.Number;
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
        if (_fields.TryGetValue(field, out var s) && s.Kind == FieldKind.Number)
        {
            value = s.Number;
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
            fields[key] = new FieldSnapshot(
                s.Kind == FieldKind.Number ? s.Number : null,
                s.Kind is FieldKind.True or FieldKind.False ? s.Kind == FieldKind.True : null,
                s.Text,
                FromNs(s.TimeNs));
        }

        return new EquipmentSnapshot(id, kind, Group, LastSeen, Points, fields, LastMeasuredNs == long.MinValue ? null : FromNs(LastMeasuredNs));
    }

    public static DateTimeOffset FromNs(long ns) =>
        DateTimeOffset.UnixEpoch.AddTicks(ns / 100);

    private ref FieldState Slot(ReadOnlySpan<char> name)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_lookup, name);
        if (Unsafe.IsNullRef(ref slot))
        {
            _fields[Intern(name)] = default;
            slot = ref CollectionsMarshal.GetValueRefOrNullRef(_lookup, name);
        }

        return ref slot;
    }

    /// <summary>
    /// Field names repeat across thousands of twins (and cutter positions across TBMs), so they are shared
    /// instead of held once per twin; the pool only grows with distinct names, which the schema bounds in practice.
    /// </summary>
    private static string Intern(ReadOnlySpan<char> name)
    {
        if (NamePool.TryGetValue(name, out var known))
        {
            return known;
        }

        var fresh = name.ToString();
        return Names.Count < MaxPooledNames ? Names.GetOrAdd(fresh, fresh) : fresh;
    }

    private const int MaxPooledNames = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamePool = Names.GetAlternateLookup<ReadOnlySpan<char>>();
}
