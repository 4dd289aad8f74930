using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Equipment.Gateway.Ingest;

/// <summary>Reads a request body into one pooled buffer, inflating gzip, and stops at the size limit.</summary>
internal static class RequestBody
{
    /// <summary>Returns the bytes (rented; return with <see cref="Return"/>) or null when over <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidDataException">The gzip body is corrupt or truncated.</exception>
    public static async Task<(byte[]? Buffer, int Length)> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var gzip = request.Headers.ContentEncoding.Any(e => string.Equals(e, "gzip", StringComparison.OrdinalIgnoreCase));
        if (request.ContentLength > limit)
        {
            return (null, 0);
        }

        var initial = request.ContentLength is { } known ? (int)Math.Max(known, 1) : 64 * 1024;
        if (!gzip)
        {
            return await ReadAllAsync(request.Body, limit, initial, ct).ConfigureAwait(false);
        }

        // GZipStream ends quietly at the end of a truncated body, handing over a prefix that may end in a
        // plausible line; so the compressed body is kept and its trailer (CRC-32 and size) checked.
        var (packed, packedLength) = await ReadAllAsync(request.Body, limit, initial, ct).ConfigureAwait(false);
        if (packed is null)
        {
            return (null, 0);
        }

        try
        {
            await using var inflater = new GZipStream(new MemoryStream(packed, 0, packedLength, writable: false), CompressionMode.Decompress);
            var (buffer, length) = await ReadAllAsync(inflater, limit, 64 * 1024, ct).ConfigureAwait(false);
            if (buffer is not null && !HasIntactTrailer(packed.AsSpan(0, packedLength), buffer.AsSpan(0, length)))
            {
                Return(buffer);
                throw new InvalidDataException("gzip body is truncated or its trailer does not match");
            }

            return (buffer, length);
        }
        finally
        {
            Return(packed);
        }
    }

    /// <summary>
    /// The last member's trailer (RFC 1952: CRC-32, then size mod 2^32) matches the last bytes inflated. A body cut
    /// short ends in deflate data instead, which matches by chance only. Bodies are under 2 GiB, so size is exact.
    /// </summary>
    private static bool HasIntactTrailer(ReadOnlySpan<byte> packed, ReadOnlySpan<byte> inflated)
    {
        if (packed.Length < 18)
        {
            return false;
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(packed[^8..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(packed[^4..]);
        return size <= (uint)inflated.Length && Crc32.HashToUInt32(inflated[^(int)size..]) == crc;
    }

    private static async Task<(byte[]? Buffer, int Length)> ReadAllAsync(Stream source, long limit, int initial, CancellationToken ct)
    {
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
