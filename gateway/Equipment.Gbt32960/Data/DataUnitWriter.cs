using System.Buffers.Binary;
using Equipment.Gbt32960.Framing;

namespace Equipment.Gbt32960.Data;

/// <summary>Builds data units field by field (big-endian), for tests and simulators that encode their own frames.</summary>
public sealed class DataUnitWriter
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public DataUnitWriter Byte(int value)
    {
        _bytes.Add((byte)value);
        return this;
    }

    public DataUnitWriter Word(int value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        _bytes.AddRange(b);
        return this;
    }

    public DataUnitWriter DWord(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        _bytes.AddRange(b);
        return this;
    }

    public DataUnitWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>Fixed-width ASCII text padded with NULs.</summary>
    public DataUnitWriter Text(string text, int width)
    {
        for (var i = 0; i < width; i++)
        {
            _bytes.Add(i < text.Length ? (byte)text[i] : (byte)0);
        }

        return this;
    }

    public DataUnitWriter Time(DateTimeOffset time)
    {
        Span<byte> b = stackalloc byte[BeijingTime.Bytes];
        BeijingTime.Write(time, b);
        _bytes.AddRange(b);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
