using System.Buffers.Text;
using System.Text;
using Equipment.Domain.TimeUse;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Grains.Influx.Backfill;

/// <summary>
/// Adds to a batch, before it is written, one <c>tbm_late</c> point per machine and hour for its <c>tbm</c> samples that
/// are older than <see cref="TimeUseDaySummaries.LateAfter"/> (domain README, "Stored day summaries"). The mark goes in
/// the same write as the samples, so InfluxDB never holds a late sample without its mark; each write draws a new
/// nonce, which makes any stored day summary of that hour stale. Pure; the common case, nothing late, costs one prefix
/// compare per line.
/// </summary>
public static class LateDataMarker
{
    public const string Measurement = "tbm_late";

    private static readonly byte[] Tbm = "tbm"u8.ToArray();

    /// <summary>Appends the marks to <paramref name="buffer"/> (whole lines, newline-terminated); returns how many.</summary>
    public static int Append(ByteBuffer buffer, long lateBeforeNs, Func<long> nonce)
    {
        HashSet<(string Id, long HourNs)>? marks = null;
        var lines = buffer.WrittenSpan;
        while (!lines.IsEmpty)
        {
            var newline = lines.IndexOf((byte)'\n');
            var line = newline < 0 ? lines : lines[..newline];
            lines = newline < 0 ? default : lines[(newline + 1)..];
            if (line.Length <= Tbm.Length || !line.StartsWith(Tbm) || line[Tbm.Length] is not ((byte)',' or (byte)' '))
            {
                continue;
            }

            var space = line.LastIndexOf((byte)' ');
            if (space < 0 || !Utf8Parser.TryParse(line[(space + 1)..], out long timestamp, out var used) || used != line.Length - space - 1 || timestamp >= lateBeforeNs)
            {
                continue;
            }

            var reader = new LineProtocolReader(line);
            if (reader.Read(out var parsed) != ReadStatus.Line)
            {
                continue;
            }

            var tags = parsed.GetTags();
            while (tags.TryNext(out var key, out var value))
            {
                if (key.SequenceEqual("id"u8))
                {
                    var hour = Math.DivRem(timestamp, LateLineTracker.NsPerHour, out var r) * LateLineTracker.NsPerHour - (r < 0 ? LateLineTracker.NsPerHour : 0);
                    (marks ??= []).Add((Encoding.UTF8.GetString(value), hour));
                    break;
                }
            }
        }

        if (marks is null)
        {
            return 0;
        }

        if (buffer.Length > 0 && buffer.WrittenSpan[^1] != (byte)'\n')
        {
            buffer.Write((byte)'\n');
        }

        foreach (var (id, hour) in marks)
        {
            new LineProtocolWriter(buffer, Measurement).Tag("id", id).Field("nonce", nonce()).End(hour);
        }

        return marks.Count;
    }
}
