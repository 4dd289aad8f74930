using System.Buffers;
using System.Buffers.Binary;

namespace Equipment.Gbt32960.Framing;

/// <summary>
/// Cuts frames out of a byte stream: a frame may arrive split over many reads, several may come in one, and
/// anything before a <c>##</c>/<c>$$</c> start is skipped so the stream resynchronises after garbage.
/// </summary>
public static class FrameReader
{
    /// <summary>
    /// Looks at the start of <paramref name="buffer"/> and consumes (slices off) what it recognised. A frame failing its
    /// BCC (or claiming an impossible length) consumes only its first byte: what looked like a frame may be garbage
    /// holding <c>##</c>, even garbage ending in <c>#</c> just before a real <c>##</c>, and that real frame must still be found.
    /// </summary>
    /// <param name="maxDataBytes">Largest data unit accepted (at most the standard's 65,531); a longer claim is a false start.</param>
    public static ReadResult TryRead(ref ReadOnlySequence<byte> buffer, int maxDataBytes = FrameLayout.MaxDataBytes)
    {
        var skipped = SkipToStart(buffer);
        if (skipped > 0)
        {
            buffer = buffer.Slice(skipped);
            return new ReadResult(ReadStatus.Garbage, null, skipped, "bytes before a frame start");
        }

        if (buffer.Length < FrameLayout.HeaderBytes)
        {
            return new ReadResult(ReadStatus.NeedMore, null, 0, null);
        }

        Span<byte> header = stackalloc byte[FrameLayout.HeaderBytes];
        buffer.Slice(0, FrameLayout.HeaderBytes).CopyTo(header);
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[FrameLayout.LengthOffset..]);
        var limit = Math.Min(maxDataBytes, FrameLayout.MaxDataBytes);
        if (length > limit)
        {
            buffer = buffer.Slice(1);
            return new ReadResult(ReadStatus.Garbage, null, 1, $"data-unit length {length} over the limit of {limit}");
        }

        var total = FrameLayout.HeaderBytes + length + 1;
        if (buffer.Length < total)
        {
            return new ReadResult(ReadStatus.NeedMore, null, 0, null);
        }

        var whole = total <= 1024 ? stackalloc byte[total] : new byte[total];
        buffer.Slice(0, total).CopyTo(whole);
        var frame = new Frame(
            FrameLayout.EditionOf(whole[0])!.Value,
            whole[FrameLayout.CommandOffset],
            whole[FrameLayout.AckOffset],
            Vin.FromBytes(whole.Slice(FrameLayout.VinOffset, FrameLayout.VinBytes)),
            whole[FrameLayout.EncryptionOffset],
            whole.Slice(FrameLayout.HeaderBytes, length).ToArray());
        var expected = Bcc.Compute(whole[FrameLayout.CommandOffset..^1]);
        if (expected != whole[^1])
        {
            buffer = buffer.Slice(1);
            return new ReadResult(ReadStatus.BadCheck, frame, 1, $"BCC 0x{whole[^1]:X2} does not match the computed 0x{expected:X2}");
        }

        buffer = buffer.Slice(total);
        return new ReadResult(ReadStatus.Frame, frame, 0, null);
    }

    /// <summary>Bytes before the first <c>##</c> or <c>$$</c>; a lone trailing start byte is kept (its twin may be in the next read).</summary>
    private static long SkipToStart(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        long position = 0;
        byte previous = 0;
        while (reader.TryRead(out var b))
        {
            if (position > 0 && b == previous && b is (byte)'#' or (byte)'$')
            {
                return position - 1;
            }

            previous = b;
            position++;
        }

        // Nothing found: keep a last start byte, drop the rest.
        return previous is (byte)'#' or (byte)'$' ? position - 1 : position;
    }
}
