using System.Buffers.Binary;
using System.Text;

namespace Equipment.Gbt32960.Framing;

/// <summary>Writes frames: commands (what a T-Box sends, for tests and simulators) and the platform's replies.</summary>
public static class FrameWriter
{
    public static byte[] Write(Edition edition, byte command, byte ack, string vin, byte encryption, ReadOnlySpan<byte> data)
    {
        if (data.Length > FrameLayout.MaxDataBytes)
        {
            throw new ArgumentException($"data unit of {data.Length} bytes is over {FrameLayout.MaxDataBytes}", nameof(data));
        }

        var frame = new byte[FrameLayout.HeaderBytes + data.Length + 1];
        frame[0] = frame[1] = FrameLayout.StartByte(edition);
        frame[FrameLayout.CommandOffset] = command;
        frame[FrameLayout.AckOffset] = ack;
        var vinBytes = frame.AsSpan(FrameLayout.VinOffset, FrameLayout.VinBytes);
        vinBytes.Fill(0);
        Encoding.ASCII.GetBytes(vin.AsSpan(0, Math.Min(vin.Length, FrameLayout.VinBytes)), vinBytes);
        frame[FrameLayout.EncryptionOffset] = encryption;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(FrameLayout.LengthOffset), (ushort)data.Length);
        data.CopyTo(frame.AsSpan(FrameLayout.HeaderBytes));
        frame[^1] = Bcc.Compute(frame.AsSpan(FrameLayout.CommandOffset, frame.Length - FrameLayout.CommandOffset - 1));
        return frame;
    }

    /// <summary>
    /// The reply to a command: same command and VIN, the answer flag set, plain data holding only the time
    /// ("keep the message time, delete the rest", 2025 §6.3.2), and a recomputed BCC.
    /// </summary>
    /// <param name="time">The time the reply carries (the command's own time, or the platform's for a time sync); null for none (heartbeat).</param>
    public static byte[] Reply(Edition edition, byte command, string vin, byte ack, DateTimeOffset? time)
    {
        Span<byte> data = stackalloc byte[BeijingTime.Bytes];
        if (time is { } t)
        {
            BeijingTime.Write(t, data);
        }

        return Write(edition, command, AckFlag.For(edition, ack), vin, Encryption.None, time is null ? [] : data);
    }

    /// <summary>The reply to a frame, keeping its raw time bytes when its data unit starts with a valid time.</summary>
    public static byte[] Reply(Frame frame, byte ack, DateTimeOffset now)
    {
        DateTimeOffset? time = frame.Command switch
        {
            Command.Heartbeat => null,
            Command.TimeSync => now,
            _ => frame.Encryption == Encryption.None && frame.Data.Length >= BeijingTime.Bytes && BeijingTime.TryRead(frame.Data, out var t) ? t : now,
        };
        return Reply(frame.Edition, frame.Command, frame.Vin, ack, time);
    }
}
