namespace Equipment.Simulator.Gbt32960;

/// <summary>Reads whole frames from a stream: frames split across reads and several frames in one read both work.</summary>
public sealed class GbtFrameReader(Stream stream)
{
    private byte[] _buffer = new byte[4096];
    private int _count;

    /// <summary>Frames skipped because their BCC was wrong.</summary>
    public int BadFrames { get; private set; }

    /// <summary>The next frame, or null when the other side closed the connection.</summary>
    public async Task<GbtFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = GbtFrame.TryRead(_buffer.AsSpan(0, _count), out var consumed, out var badBcc);
            if (badBcc)
            {
                BadFrames++;
            }

            if (consumed > 0)
            {
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _count - consumed);
                _count -= consumed;
            }

            if (frame is not null)
            {
                return frame;
            }

            if (consumed > 0 && _count > 0)
            {
                continue;
            }

            if (_count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _count += read;
        }
    }
}
