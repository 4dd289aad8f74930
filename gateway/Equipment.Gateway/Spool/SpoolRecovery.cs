using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Brings a spool directory back to a consistent state at start: drops segments that were fully delivered,
/// checks every record after the checkpoint and truncates a segment at its first torn or corrupt record
/// (a crash mid-append leaves at most the last group unsynced; its requests were never answered 204).
/// </summary>
public static class SpoolRecovery
{
    public sealed record State(List<long> Segments, long End, long Checkpoint, long TruncatedBytes);

    public static State Run(string directory, ILogger logger)
    {
        var segments = SpoolSegments.List(directory);
        var saved = SpoolCheckpoint.Load(directory);
        // Without a checkpoint everything still on disk is delivered again: redelivery is idempotent, loss is not.
        var checkpoint = saved ?? (segments.Count > 0 ? segments[0] : 0);

        while (segments.Count > 1 && segments[1] <= checkpoint)
        {
            File.Delete(SpoolSegments.PathOf(directory, segments[0]));
            segments.RemoveAt(0);
        }

        long truncated = 0;
        var end = checkpoint;
        for (var i = 0; i < segments.Count; i++)
        {
            var start = segments[i];
            var path = SpoolSegments.PathOf(directory, start);
            var from = Math.Max(0, checkpoint - start);
            var (valid, length) = Scan(path, from);
            if (valid < length)
            {
                truncated += length - valid;
                logger.LogWarning("Spool segment {Path}: {Bytes} bytes after offset {Offset} are torn or corrupt; truncated", path, length - valid, valid);
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
                file.SetLength(valid);
                file.Flush(flushToDisk: true);
            }

            end = Math.Max(end, start + valid);
        }

        return new State(segments, end, Math.Min(checkpoint, end), truncated);
    }

    /// <summary>Walks the records from <paramref name="from"/>; returns the offset after the last intact one and the file length.</summary>
    private static (long Valid, long Length) Scan(string path, long from)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (from >= length)
        {
            return (length, length);
        }

        var offset = from;
        Span<byte> header = stackalloc byte[SpoolRecord.HeaderBytes];
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (offset + SpoolRecord.HeaderBytes <= length)
            {
                if (ReadExactly(handle, header, offset) < SpoolRecord.HeaderBytes)
                {
                    break;
                }

                var payload = SpoolRecord.PayloadLength(header);
                if (payload < 0 || offset + SpoolRecord.HeaderBytes + payload > length)
                {
                    break;
                }

                if (buffer.Length < payload)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(payload);
                }

                var span = buffer.AsSpan(0, payload);
                if (ReadExactly(handle, span, offset + SpoolRecord.HeaderBytes) < payload || !SpoolRecord.IsIntact(header, span))
                {
                    break;
                }

                offset += SpoolRecord.HeaderBytes + payload;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (offset, length);
    }

    internal static int ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
