using System.Buffers.Text;
using System.Text;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Grains.Influx.Backfill;

/// <summary>
/// Notes which hours of which machines received points too old for the continuous queries to see (they recompute only
/// the last 5 minutes / 2 hours), and hands them out coalesced: one range per measurement and hour span, each
/// machine once. Pure and thread-safe; the writer feeds it the lines InfluxDB has just stored.
/// </summary>
public sealed class LateLineTracker(int maxPendingHours = 200_000)
{
    public const long NsPerHour = 3_600_000_000_000;

    /// <summary>The measurements the rollups are kept for (the continuous queries' <c>FROM</c>).</summary>
    public static readonly string[] RolledUp = ["tbm", "tbm_cutter", "truck"];

    private static readonly byte[][] RolledUpUtf8 = [.. RolledUp.Select(Encoding.ASCII.GetBytes)];

    private readonly Lock _gate = new();

    // (measurement, hour start) → the machines with late points in that hour.
    private readonly SortedDictionary<(string Measurement, long Hour), HashSet<string>> _pending = [];

    public long Dropped { get; private set; }

    public int PendingHours
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Scans normalised line protocol (every line ends with a nanosecond timestamp) and notes each rolled-up line older
    /// than <paramref name="lateBeforeNs"/>. The common case, nothing late, costs one backwards scan per line.
    /// </summary>
    /// <returns>The number of late lines noted.</returns>
    public int Note(ReadOnlySpan<byte> lines, long lateBeforeNs)
    {
        var late = 0;
        while (!lines.IsEmpty)
        {
            var newline = lines.IndexOf((byte)'\n');
            var line = newline < 0 ? lines : lines[..newline];
            lines = newline < 0 ? default : lines[(newline + 1)..];
            var space = line.LastIndexOf((byte)' ');
            if (space < 0 || !Utf8Parser.TryParse(line[(space + 1)..], out long timestamp, out var used) || used != line.Length - space - 1 || timestamp >= lateBeforeNs)
            {
                continue;
            }

            var reader = new LineProtocolReader(line);
            if (reader.Read(out var parsed) != ReadStatus.Line || Rolled(parsed.Measurement) is not { } measurement)
            {
                continue;
            }

            var tags = parsed.GetTags();
            while (tags.TryNext(out var key, out var value))
            {
                if (key.SequenceEqual("id"u8))
                {
                    Add(measurement, Math.DivRem(timestamp, NsPerHour, out var r) * NsPerHour - (r < 0 ? NsPerHour : 0), Encoding.UTF8.GetString(value));
                    late++;
                    break;
                }
            }
        }

        return late;
    }

    /// <summary>Notes one machine-hour directly (also used to put back a range whose recomputation failed).</summary>
    public void Add(string measurement, long hourStartNs, string id)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue((measurement, hourStartNs), out var ids))
            {
                if (_pending.Count >= maxPendingHours)
                {
                    Dropped++;
                    return;
                }

                _pending[(measurement, hourStartNs)] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(id);
        }
    }

    public void Add(BackfillRange range)
    {
        for (var hour = range.FromNs; hour < range.ToNs; hour += NsPerHour)
        {
            foreach (var id in range.Ids)
            {
                Add(range.Measurement, hour, id);
            }
        }
    }

    /// <summary>
    /// Removes and returns up to <paramref name="maxRanges"/> ranges: consecutive hours of one measurement with the same
    /// machines merge into one range of at most <paramref name="maxHoursPerRange"/> hours.
    /// </summary>
    public IReadOnlyList<BackfillRange> Take(int maxRanges, int maxHoursPerRange)
    {
        var ranges = new List<BackfillRange>();
        lock (_gate)
        {
            while (ranges.Count < maxRanges && _pending.Count > 0)
            {
                var ((measurement, from), ids) = _pending.First();
                _pending.Remove((measurement, from));
                var to = from + NsPerHour;
                while (to - from < maxHoursPerRange * NsPerHour
                       && _pending.TryGetValue((measurement, to), out var next) && next.SetEquals(ids))
                {
                    _pending.Remove((measurement, to));
                    to += NsPerHour;
                }

                ranges.Add(new BackfillRange(measurement, [.. ids.Order(StringComparer.Ordinal)], from, to));
            }
        }

        return ranges;
    }

    private static string? Rolled(ReadOnlySpan<byte> measurement)
    {
        for (var i = 0; i < RolledUp.Length; i++)
        {
            if (measurement.SequenceEqual(RolledUpUtf8[i]))
            {
                return RolledUp[i];
            }
        }

        return null;
    }
}
