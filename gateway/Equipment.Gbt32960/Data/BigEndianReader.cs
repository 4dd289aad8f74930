using System.Buffers.Binary;
using Equipment.Gbt32960.Framing;

namespace Equipment.Gbt32960.Data;

/// <summary>Reads BYTE/WORD/DWORD fields; a read past the end throws <see cref="DataFormatException"/> naming the field, never an out-of-range read.</summary>
internal ref struct BigEndianReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public byte Byte(string field)
    {
        Need(1, field);
        return _data[Position++];
    }

    public ushort Word(string field)
    {
        Need(2, field);
        var v = BinaryPrimitives.ReadUInt16BigEndian(_data[Position..]);
        Position += 2;
        return v;
    }

    public uint DWord(string field)
    {
        Need(4, field);
        var v = BinaryPrimitives.ReadUInt32BigEndian(_data[Position..]);
        Position += 4;
        return v;
    }

    public ReadOnlySpan<byte> Bytes(int count, string field)
    {
        Need(count, field);
        var s = _data.Slice(Position, count);
        Position += count;
        return s;
    }

    public DateTimeOffset Time(string field)
    {
        var bytes = Bytes(BeijingTime.Bytes, field);
        if (!BeijingTime.TryRead(bytes, out var t))
        {
            throw new DataFormatException($"{field} {Convert.ToHexString(bytes)} is not a valid date and time");
        }

        return t;
    }

    private readonly void Need(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new DataFormatException($"{field} needs {count} bytes at offset {Position} of the data unit but only {Remaining} are left");
        }
    }
}
