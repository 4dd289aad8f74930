using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Reads spooled records in log order from a position, following segment files as they roll. It never reads
/// past the durable end the caller passes, so it only sees records that were fsynced (and answered). One
/// reader per spool takes the records the writer keeps in memory (the deliverer's).
/// </summary>
public sealed class SpoolReader : IDisposable
{
    private readonly WriteAheadSpool _spool;
    private readonly ILogger _logger;
    private SafeFileHandle? _handle;
    private long _segmentStart = -1;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);

    internal SpoolReader(WriteAheadSpool spool, long position, ILogger logger)
    {
        _spool = spool;
        _logger = logger;
        Position = position;
    }

    /// <summary>Where the next record starts.</summary>
    public long Position { get; private set; }

    /// <summary>The next record before <paramref name="durableEnd"/>, or null when there is none yet.</summary>
    public SpoolEntry? TryRead(long durableEnd)
    {
        Span<byte> header = stackalloc byte[SpoolRecord.HeaderBytes];
        while (Position < durableEnd)
        {
            // Records appended by this process are usually still in memory: no read, CRC or decode for them.
            while (_spool.TryPeekHot(out var hot))
            {
                if (hot.End <= Position)
                {
                    _spool.DropHot();
                    continue;
                }

                if (hot.Position == Position && hot.End <= durableEnd)
                {
                    _spool.DropHot();
                    Position = hot.End;
                    return hot;
                }

                break;
            }

            if (!EnsureSegment())
            {
                return null;
            }

            var offset = Position - _segmentStart;
            var payload = SpoolRecovery.ReadExactly(_handle!, header, offset) == SpoolRecord.HeaderBytes ? SpoolRecord.PayloadLength(header) : -2;
            if (payload == -2)
            {
                // End of this segment: the writer rolled; the next record is at the next segment's start.
                if (!SkipToNextSegment())
                {
                    return null;
                }

                continue;
            }

            if (payload >= 0)
            {
                if (_buffer.Length < payload)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = ArrayPool<byte>.Shared.Rent(payload);
                }

                var span = _buffer.AsSpan(0, payload);
                if (SpoolRecovery.ReadExactly(_handle!, span, offset + SpoolRecord.HeaderBytes) == payload && SpoolRecord.IsIntact(header, span))
                {
                    var end = Position + SpoolRecord.HeaderBytes + payload;
                    var entry = SpoolRecord.Decode(span, Position, end);
                    Position = end;
                    return entry;
                }
            }

            // Recovery checked every record after the checkpoint, so this is damage since start (a disk error):
            // give up the rest of this segment rather than stall delivery for good.
            _logger.LogError("Spool record at position {Position} is corrupt; skipping the rest of its segment", Position);
            if (!SkipToNextSegment())
            {
                return null;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool EnsureSegment()
    {
        var start = _spool.SegmentContaining(Position);
        if (start is null)
        {
            return false;
        }

        if (start.Value > Position)
        {
            // The segment holding this position is gone (deleted or lost): continue at the first one there is.
            Position = start.Value;
        }

        if (start.Value != _segmentStart || _handle is null)
        {
            _handle?.Dispose();
            _handle = File.OpenHandle(SpoolSegments.PathOf(_spool.Directory, start.Value), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _segmentStart = start.Value;
        }

        return true;
    }

    private bool SkipToNextSegment()
    {
        var next = _spool.SegmentAfter(_segmentStart);
        if (next is null)
        {
            return false;
        }

        Position = next.Value;
        return true;
    }
}
