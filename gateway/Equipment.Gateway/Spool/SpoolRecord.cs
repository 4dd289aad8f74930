using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.Schema;

namespace Equipment.Gateway.Spool;

/// <summary>
/// The on-disk record: <c>[u32 payload length][u32 CRC-32C of the payload, seeded with the length][payload]</c>,
/// little endian. Payload: <c>[u8 version=1][i64 received unix ms][u16 batch count]</c>, then per batch
/// <c>[u8 kind][u16 id length][id UTF-8][i32 points][i32 lines length][lines]</c>. The length and CRC let
/// recovery tell a complete record from one torn by a crash mid-write.
/// </summary>
public static class SpoolRecord
{
    public const int HeaderBytes = 8;
    private const byte Version = 1;

    /// <summary>Largest payload accepted when reading, so a corrupt length cannot make recovery allocate gigabytes.</summary>
    public const int MaxPayloadBytes = 1 << 30;

    /// <summary>Frames a request into a pooled buffer (the caller returns it to <see cref="ArrayPool{T}.Shared"/>).</summary>
    public static (byte[] Buffer, int Length) Encode(IReadOnlyList<EquipmentLines> batches, long receivedUnixMs)
    {
        var payload = 1 + 8 + 2;
        foreach (var b in batches)
        {
            payload += 1 + 2 + Encoding.UTF8.GetByteCount(b.Id) + 4 + 4 + b.Lines.Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(HeaderBytes + payload);
        var span = buffer.AsSpan(HeaderBytes, payload);
        span[0] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], receivedUnixMs);
        BinaryPrimitives.WriteUInt16LittleEndian(span[9..], checked((ushort)batches.Count));
        var at = 11;
        foreach (var b in batches)
        {
            span[at++] = (byte)b.Kind;
            var idLength = Encoding.UTF8.GetBytes(b.Id, span[(at + 2)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], checked((ushort)idLength));
            at += 2 + idLength;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], b.Points);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], b.Lines.Length);
            at += 8;
            b.Lines.CopyTo(span[at..]);
            at += b.Lines.Length;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)payload);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(4), Crc32C.Compute(span, (uint)payload));
        return (buffer, HeaderBytes + payload);
    }

    /// <summary>The payload length a header announces, or -1 when it cannot be a record (zeroes, garbage).</summary>
    public static int PayloadLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return length is < 11 or > MaxPayloadBytes ? -1 : (int)length;
    }

    /// <summary>Whether the payload matches the CRC in its header.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == Crc32C.Compute(payload, (uint)payload.Length);

    /// <summary>Reads an intact payload back into batches.</summary>
    public static SpoolEntry Decode(ReadOnlySpan<byte> payload, long position, long end)
    {
        if (payload[0] != Version)
        {
            throw new InvalidDataException($"spool record at {position} has unknown version {payload[0]}");
        }

        var received = BinaryPrimitives.ReadInt64LittleEndian(payload[1..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(payload[9..]);
        var batches = new EquipmentLines[count];
        var points = 0;
        var at = 11;
        for (var i = 0; i < count; i++)
        {
            var kind = (EquipmentKind)payload[at++];
            var idLength = BinaryPrimitives.ReadUInt16LittleEndian(payload[at..]);
            var id = Encoding.UTF8.GetString(payload.Slice(at + 2, idLength));
            at += 2 + idLength;
            var batchPoints = BinaryPrimitives.ReadInt32LittleEndian(payload[at..]);
            var linesLength = BinaryPrimitives.ReadInt32LittleEndian(payload[(at + 4)..]);
            at += 8;
            batches[i] = new EquipmentLines(kind, id, payload.Slice(at, linesLength).ToArray(), batchPoints);
            at += linesLength;
            points += batchPoints;
        }

        return new SpoolEntry(position, end, received, batches, points);
    }
}
