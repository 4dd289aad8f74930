using System.Buffers.Binary;
using System.Numerics;

namespace Equipment.Gateway.Spool;

/// <summary>CRC-32C over a span, 8 bytes at a time: BitOperations uses the SSE4.2/ARM instruction where there is one.</summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data, uint seed = 0)
    {
        var crc = ~seed;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
