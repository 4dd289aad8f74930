using System.Collections.Concurrent;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Ingest;

/// <summary>
/// Remembers the type of each uninterpreted field. InfluxDB refuses a point whose field changes type, and
/// by then the request was acknowledged; refusing the request up front keeps a 204 a promise.
/// </summary>
public sealed class FieldTypeRegistry
{
    private readonly ConcurrentDictionary<string, FieldType> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FieldType>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FieldTypeRegistry() => _lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _types.Count;

    /// <summary>Records the type on first sight; returns the earlier type when it differs.</summary>
    public FieldType? Check(string measurement, ReadOnlySpan<byte> field, FieldType type)
    {
        var length = measurement.Length + 1 + field.Length;
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        measurement.AsSpan().CopyTo(key);
        key[measurement.Length] = '\0';
        var written = System.Text.Encoding.UTF8.GetChars(field, key[(measurement.Length + 1)..]);
        key = key[..(measurement.Length + 1 + written)];
        if (_lookup.TryGetValue(key, out var known))
        {
            return known == type ? null : known;
        }

        if (_lookup.TryAdd(key, type))
        {
            return null;
        }

        return _lookup.TryGetValue(key, out known) && known != type ? known : null;
    }
}
