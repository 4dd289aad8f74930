using System.Buffers.Binary;
using System.Text;

namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// One GB/T 32960.3 frame: start (## 2016, $$ 2025), command, ack flag, 17-byte VIN, encryption byte,
/// data-unit length (WORD), data unit, BCC (XOR of every byte from the command to the end of the data unit).
/// </summary>
public sealed record GbtFrame(GbtEdition Edition, byte Command, byte Ack, string Vin, byte Encryption, byte[] Data)
{
    public static byte StartByte(GbtEdition edition) => edition == GbtEdition.V2025 ? (byte)'$' : (byte)'#';

    public static byte[] Build(GbtEdition edition, byte command, byte ack, string vin, ReadOnlySpan<byte> data)
    {
        if (vin.Length != VinCode.Length)
        {
            throw new ArgumentException($"a VIN has {VinCode.Length} characters, '{vin}' has {vin.Length}", nameof(vin));
        }

        if (data.Length > GbtCommand.MaxDataLength)
        {
            throw new ArgumentException($"a data unit holds at most {GbtCommand.MaxDataLength} bytes, this one {data.Length}", nameof(data));
        }

        var frame = new byte[GbtCommand.HeaderLength + data.Length + 1];
        frame[0] = frame[1] = StartByte(edition);
        frame[2] = command;
        frame[3] = ack;
        Encoding.ASCII.GetBytes(vin, frame.AsSpan(4, VinCode.Length));
        frame[21] = GbtCommand.EncryptionNone;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(22, 2), (ushort)data.Length);
        data.CopyTo(frame.AsSpan(GbtCommand.HeaderLength));
        frame[^1] = Bcc(frame.AsSpan(2, frame.Length - 3));
        return frame;
    }

    public static byte Bcc(ReadOnlySpan<byte> commandToEndOfData)
    {
        byte x = 0;
        foreach (var b in commandToEndOfData)
        {
            x ^= b;
        }

        return x;
    }

    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/>. Returns null when more bytes are needed;
    /// <paramref name="consumed"/> is how many bytes to drop (garbage before a start, or the frame itself).
    /// A frame whose BCC is wrong sets <paramref name="badBcc"/> and is skipped (consumed covers it).
    /// </summary>
    public static GbtFrame? TryRead(ReadOnlySpan<byte> buffer, out int consumed, out bool badBcc)
    {
        consumed = 0;
        badBcc = false;
        var start = 0;
        while (start + 1 < buffer.Length && !(buffer[start] == buffer[start + 1] && buffer[start] is (byte)'#' or (byte)'$'))
        {
            start++;
        }

        consumed = start;
        var rest = buffer[start..];
        if (rest.Length < GbtCommand.HeaderLength)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(rest.Slice(22, 2));
        var total = GbtCommand.HeaderLength + length + 1;
        if (rest.Length < total)
        {
            return null;
        }

        consumed = start + total;
        var expected = Bcc(rest.Slice(2, total - 3));
        if (rest[total - 1] != expected)
        {
            badBcc = true;
            return null;
        }

        return new GbtFrame(
            rest[0] == (byte)'$' ? GbtEdition.V2025 : GbtEdition.V2016,
            rest[2],
            rest[3],
            Encoding.ASCII.GetString(rest.Slice(4, VinCode.Length)),
            rest[21],
            rest.Slice(GbtCommand.HeaderLength, length).ToArray());
    }
}
