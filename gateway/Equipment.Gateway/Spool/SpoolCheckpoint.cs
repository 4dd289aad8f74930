using System.Buffers.Binary;

namespace Equipment.Gateway.Spool;

/// <summary>
/// The durable delivery checkpoint: every record before this log position reached InfluxDB. Written to a
/// temp file, fsynced and renamed over the old one, so a crash leaves either the old or the new value.
/// Format: <c>[i64 position][u32 CRC-32C of those 8 bytes]</c>.
/// </summary>
public static class SpoolCheckpoint
{
    public const string FileName = "checkpoint";

    /// <summary>The saved position, or null when there is none (a new spool) or it is unreadable.</summary>
    public static long? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != 12 || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)) != Crc32C.Compute(bytes.AsSpan(0, 8)))
        {
            return null;
        }

        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    public static void Save(string directory, long position)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, position);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Crc32C.Compute(bytes[..8]));
        var temp = Path.Combine(directory, FileName + ".tmp");
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(directory, FileName), overwrite: true);
    }
}
