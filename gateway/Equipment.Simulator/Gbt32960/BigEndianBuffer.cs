using System.Buffers.Binary;

namespace Equipment.Simulator.Gbt32960;

/// <summary>A growable byte buffer that writes WORD and DWORD big-endian, as GB/T 32960 requires.</summary>
public sealed class BigEndianBuffer(int capacity = 256)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Byte(int value)
    {
        if (value is < 0 or > 0xFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a BYTE holds 0–255");
        }

        Grow(1)[0] = (byte)value;
    }

    public void Word(int value)
    {
        if (value is < 0 or > 0xFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a WORD holds 0–65535");
        }

        BinaryPrimitives.WriteUInt16BigEndian(Grow(2), (ushort)value);
    }

    public void DWord(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);

    public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Grow(value.Length));

    /// <summary>A fixed-length STRING: ASCII, padded with zero bytes (the standard's terminator) to <paramref name="length"/>.</summary>
    public void Ascii(string value, int length)
    {
        if (value.Length > length || value.Any(c => c > 0x7E))
        {
            throw new ArgumentException($"'{value}' is not ASCII of at most {length} characters", nameof(value));
        }

        var span = Grow(length);
        span.Clear();
        for (var i = 0; i < value.Length; i++)
        {
            span[i] = (byte)value[i];
        }
    }

    /// <summary>Time as six BYTEs (year − 2000, month, day, hour, minute, second) in Beijing time (UTC+8).</summary>
    public void BeijingTime(DateTime utc)
    {
        var t = GbtTime.ToBeijing(utc);
        var span = Grow(6);
        span[0] = (byte)(t.Year - 2000);
        span[1] = (byte)t.Month;
        span[2] = (byte)t.Day;
        span[3] = (byte)t.Hour;
        span[4] = (byte)t.Minute;
        span[5] = (byte)t.Second;
    }

    public byte[] ToArray() => Written.ToArray();

    private Span<byte> Grow(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }

        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
