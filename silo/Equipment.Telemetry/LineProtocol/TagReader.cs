namespace Equipment.Telemetry.LineProtocol;

/// <summary>Walks a tag set that <see cref="LineProtocolReader"/> has already validated.</summary>
public ref struct TagReader
{
    private ReadOnlySpan<byte> _rest;

    public TagReader(ReadOnlySpan<byte> tags) => _rest = tags;

    public bool TryNext(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        if (_rest.IsEmpty)
        {
            key = default;
            value = default;
            return false;
        }

        var eq = Scan.To(_rest, (byte)'=');
        key = _rest[..eq];
        var afterEq = _rest[(eq + 1)..];
        var comma = Scan.To(afterEq, (byte)',');
        value = afterEq[..comma];
        _rest = comma < afterEq.Length ? afterEq[(comma + 1)..] : default;
        return true;
    }
}
