using System.Collections.Concurrent;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Ingest;

/// <summary>
/// Remembers the type of each uninterpreted field. InfluxDB refuses a point whose field changes type, and
/// by then the request was acknowledged; refusing the request up front keeps a 204 a promise.
/// Types seen in a request are only recorded once the whole request is accepted (<see cref="Commit"/>): a refused
/// request never reaches InfluxDB, so it must not bind the type for later ones.
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
        Span<char> key = Key(measurement, field, stackalloc char[256]);
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

    /// <summary>
    /// Compares with the recorded type, or else with the type this request gave the field earlier (kept in
    /// <paramref name="pending"/> with the line that first sent it); returns the earlier type when it differs.
    /// </summary>
    public FieldType? Check(string measurement, ReadOnlySpan<byte> field, FieldType type, int line, ref Dictionary<string, (FieldType Type, int Line)>? pending)
    {
        Span<char> key = Key(measurement, field, stackalloc char[256]);
        if (_lookup.TryGetValue(key, out var known))
        {
            return known == type ? null : known;
        }

        pending ??= new Dictionary<string, (FieldType, int)>(StringComparer.Ordinal);
        var request = pending.GetAlternateLookup<ReadOnlySpan<char>>();
        if (request.TryGetValue(key, out var earlier))
        {
            return earlier.Type == type ? null : earlier.Type;
        }

        request[key] = (type, line);
        return null;
    }

    /// <summary>
    /// Records the types of an accepted request. Returns the line of a field that a concurrent request
    /// recorded with another type in the meantime (the request must then be refused), or null.
    /// </summary>
    public (int Line, string Field, FieldType Earlier)? Commit(Dictionary<string, (FieldType Type, int Line)>? pending)
    {
        if (pending is null)
        {
            return null;
        }

        foreach (var (key, (type, line)) in pending)
        {
            var recorded = _types.GetOrAdd(key, type);
            if (recorded != type)
            {
                return (line, key[(key.IndexOf('\0', StringComparison.Ordinal) + 1)..], recorded);
            }
        }

        return null;
    }

    private static Span<char> Key(string measurement, ReadOnlySpan<byte> field, Span<char> scratch)
    {
        var length = measurement.Length + 1 + field.Length;
        var key = length <= scratch.Length ? scratch[..length] : new char[length];
        measurement.AsSpan().CopyTo(key);
        key[measurement.Length] = '\0';
        var written = System.Text.Encoding.UTF8.GetChars(field, key[(measurement.Length + 1)..]);
        return key[..(measurement.Length + 1 + written)];
    }
}
