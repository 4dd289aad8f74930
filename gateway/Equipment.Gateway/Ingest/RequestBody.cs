using System.Buffers;
using System.IO.Compression;

namespace Equipment.Gateway.Ingest;

/// <summary>Reads a request body into one pooled buffer, inflating gzip, and stops at the size limit.</summary>
internal static class RequestBody
{
    /// <summary>Returns the bytes (rented; return with <see cref="Return"/>) or null when over <paramref name="limit"/>.</summary>
    public static async Task<(byte[]? Buffer, int Length)> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var gzip = request.Headers.ContentEncoding.Any(e => string.Equals(e, "gzip", StringComparison.OrdinalIgnoreCase));
        if (request.ContentLength > limit)
        {
            return (null, 0);
        }

        Stream source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
        await using var _ = source.ConfigureAwait(false);
        var initial = !gzip && request.ContentLength is { } known ? (int)Math.Max(known, 1) : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        // One byte more than the limit is enough to know; a gzip bomb stops inflating here.
                        var probe = new byte[1];
                        if (await source.ReadAsync(probe, ct).ConfigureAwait(false) > 0)
                        {
                            Return(buffer);
                            return (null, 0);
                        }

                        return (buffer, length);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    Return(buffer);
                    buffer = bigger;
                }

                var read = await source.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, limit - length + 1)), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    Return(buffer);
                    return (null, 0);
                }
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    public static void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
