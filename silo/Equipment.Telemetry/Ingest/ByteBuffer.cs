using System.Buffers;
using System.Buffers.Text;

namespace Equipment.Telemetry.Ingest;

/// <summary>A growable byte buffer on pooled arrays, for building line protocol without intermediate strings.</summary>
public sealed class ByteBuffer : IDisposable
{
    private byte[] _buffer;

    public ByteBuffer(int capacity = 4096) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Write(byte b)
    {
        Ensure(1);
        _buffer[Length++] = b;
    }

    public void Write(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(Length), out var written);
        Length += written;
    }

    /// <summary>Shortest round-trip text of a finite double, which InfluxDB parses back exactly.</summary>
    public void Write(double value)
    {
        Ensure(32);
        value.TryFormat(_buffer.AsSpan(Length), out var written, "R", System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
    }

    public void Clear() => Length = 0;

    /// <summary>Drops everything written after <paramref name="length"/>.</summary>
    public void Truncate(int length) => Length = Math.Min(Length, length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        var b = _buffer;
        _buffer = [];
        Length = 0;
        if (b.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(b);
        }
    }

    private void Ensure(int extra)
    {
        if (Length + extra <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + extra));
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
