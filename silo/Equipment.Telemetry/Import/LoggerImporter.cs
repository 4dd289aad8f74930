using System.Globalization;
using System.Text;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Import;

/// <summary>
/// Streams a logger CSV into line protocol chunks of <see cref="RowsPerChunk"/> rows for one machine. Memory stays
/// bounded by two chunks whatever the file's size: the next chunk is read while the previous one is with the sink, so
/// reading the file and storing it overlap, but a chunk is only sent once the one before it was stored (the machine's
/// rows reach its twin in file order, and a failure stops the import with nothing after it sent). Each chunk is
/// stored all-or-nothing by the sink; a row the importer cannot read (or the sink refuses) is listed with its line
/// number and left out, the rest of its chunk is stored.
/// Re-importing the same rows writes the same series and timestamps, which InfluxDB overwrites: no duplicates.
/// </summary>
public sealed class LoggerImporter
{
    public const int MaxListedRefusals = 1000;

    private static readonly string[] Gaps = ["nan", "na", "n/a", "#n/a", "-", "null", "none", "inf", "-inf", "+inf", "infinity"];

    private readonly ImportMapping _mapping;
    private readonly byte[] _seriesKey;
    private readonly NumberFormatInfo _numbers;

    public LoggerImporter(ImportMapping mapping, string id, int rowsPerChunk = 5000)
    {
        _mapping = mapping;
        RowsPerChunk = rowsPerChunk;
        var key = new StringBuilder(mapping.Measurement.Name).Append(",id=").Append(id);
        foreach (var (name, value) in mapping.Tags)
        {
            key.Append(',').Append(name).Append('=').Append(value);
        }

        _seriesKey = Encoding.UTF8.GetBytes(key.Append(' ').ToString());
        _numbers = new NumberFormatInfo { NumberDecimalSeparator = mapping.DecimalSeparator.ToString(), NumberGroupSeparator = "\u0001" };
    }

    public int RowsPerChunk { get; }

    /// <summary>Called after each stored chunk with the summary so far.</summary>
    public Action<ImportSummary>? Progress { get; set; }

    /// <summary>Imports one file. Throws <see cref="ImportMappingException"/> when its header lacks a mapped column.</summary>
    public async Task<ImportSummary> ImportAsync(TextReader reader, string source, IImportSink sink, CancellationToken cancellationToken, ImportSummary? summary = null)
    {
        summary ??= new ImportSummary();
        using var first = new ByteBuffer(256 * 1024);
        using var second = new ByteBuffer(256 * 1024);
        var chunk = first;
        var rows = new List<(long Line, int Start, int Length)>(RowsPerChunk);
        var sentRows = new List<(long Line, int Start, int Length)>(RowsPerChunk);
        Task<ChunkOutcome>? inFlight = null;
        var cells = new List<ReadOnlyMemory<char>>(64);
        int[]? columns = null;
        var timeColumn = -1;
        var headerCount = 0;
        long lineNumber = 0;
        long previousNs = long.MinValue;

        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            lineNumber++;
            if (lineNumber < _mapping.HeaderLine || (columns is not null && string.IsNullOrWhiteSpace(text)))
            {
                continue;
            }

            Split(text, _mapping.Delimiter, cells);
            if (columns is null)
            {
                (columns, timeColumn) = Resolve(cells, source);
                headerCount = cells.Count;
                continue;
            }

            summary.Rows++;
            if (cells.Count != headerCount)
            {
                Refuse(summary, source, lineNumber, $"has {cells.Count} columns, the header has {headerCount}");
                continue;
            }

            if (!TryTime(cells[timeColumn].Span.Trim(), previousNs, out var ns, out var timeError))
            {
                Refuse(summary, source, lineNumber, timeError);
                continue;
            }

            var start = chunk.Length;
            chunk.Write(_seriesKey);
            var fields = 0;
            string? error = null;
            for (var c = 0; c < columns.Length && error is null; c++)
            {
                var cell = cells[columns[c]].Span.Trim();
                if (cell.IsEmpty || IsGap(cell))
                {
                    continue;
                }

                var channel = _mapping.Channels[c];
                if (fields++ > 0)
                {
                    chunk.Write((byte)',');
                }

                chunk.Write(channel.FieldKeyUtf8);
                chunk.Write((byte)'=');
                error = WriteValue(chunk, channel, cell);
            }

            if (error is not null)
            {
                chunk.Truncate(start);
                Refuse(summary, source, lineNumber, error);
                continue;
            }

            if (fields == 0)
            {
                chunk.Truncate(start);
                summary.EmptyRows++;
                continue;
            }

            previousNs = ns;
            chunk.Write((byte)' ');
            chunk.Write(ns);
            chunk.Write((byte)'\n');
            summary.Fields += fields;
            rows.Add((lineNumber, start, chunk.Length - start));
            if (rows.Count >= RowsPerChunk)
            {
                var sent = chunk == first ? second : first;
                if (inFlight is not null && !await FinishAsync(inFlight, sent, sentRows, source, sink, summary, cancellationToken).ConfigureAwait(false))
                {
                    return summary;
                }

                inFlight = sink.WriteAsync(chunk.WrittenMemory, rows.Count, cancellationToken);
                (chunk, rows, sentRows) = (sent, sentRows, rows);
            }
        }

        if (inFlight is not null && !await FinishAsync(inFlight, chunk == first ? second : first, sentRows, source, sink, summary, cancellationToken).ConfigureAwait(false))
        {
            return summary;
        }

        if (columns is null)
        {
            throw new ImportMappingException("headerLine", $"{source} ends before its header line {_mapping.HeaderLine}");
        }

        if (rows.Count > 0)
        {
            await FinishAsync(sink.WriteAsync(chunk.WrittenMemory, rows.Count, cancellationToken), chunk, rows, source, sink, summary, cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    /// <summary>
    /// Takes the outcome of a chunk's write: a refused row is listed and the rest sent again until it is stored.
    /// False when the sink failed outright (the import stops; <see cref="ImportSummary.Error"/> says from which line).
    /// </summary>
    private async Task<bool> FinishAsync(Task<ChunkOutcome> write, ByteBuffer chunk, List<(long Line, int Start, int Length)> rows, string source, IImportSink sink, ImportSummary summary, CancellationToken cancellationToken)
    {
        while (rows.Count > 0)
        {
            var outcome = await write.ConfigureAwait(false);
            if (outcome.Accepted)
            {
                summary.Points += rows.Count;
                summary.Chunks++;
                break;
            }

            if (outcome.RefusedLine < 1 || outcome.RefusedLine > rows.Count)
            {
                // Rows up to the previous chunk are stored; this chunk and everything after it are not.
                summary.Error = $"{source}: stopped at line {rows[0].Line}: {outcome.Message}";
                rows.Clear();
                chunk.Clear();
                return false;
            }

            // Nothing of the chunk was kept: drop the refused row and send the rest again.
            var refused = rows[outcome.RefusedLine - 1];
            Refuse(summary, source, refused.Line, outcome.Message ?? "refused");
            var tail = chunk.WrittenSpan[(refused.Start + refused.Length)..].ToArray();
            chunk.Truncate(refused.Start);
            chunk.Write(tail);
            rows.RemoveAt(outcome.RefusedLine - 1);
            for (var i = outcome.RefusedLine - 1; i < rows.Count; i++)
            {
                rows[i] = (rows[i].Line, rows[i].Start - refused.Length, rows[i].Length);
            }

            write = rows.Count > 0 ? sink.WriteAsync(chunk.WrittenMemory, rows.Count, cancellationToken) : write;
        }

        rows.Clear();
        chunk.Clear();
        Progress?.Invoke(summary);
        return true;
    }

    private string? WriteValue(ByteBuffer chunk, ChannelMapping channel, ReadOnlySpan<char> cell)
    {
        if (channel.Type == FieldType.Boolean)
        {
            bool? value = cell switch
            {
                "1" or "true" or "TRUE" or "True" or "on" or "ON" => true,
                "0" or "false" or "FALSE" or "False" or "off" or "OFF" => false,
                _ => null,
            };
            if (value is null)
            {
                return $"column \"{channel.Channel}\": '{cell}' is not a boolean (0/1, true/false, on/off)";
            }

            chunk.Write(value.Value ? "true"u8 : "false"u8);
            return null;
        }

        if (!double.TryParse(cell, NumberStyles.Float, _numbers, out var raw) || !double.IsFinite(raw))
        {
            return $"column \"{channel.Channel}\": '{cell}' is not a number";
        }

        var converted = channel.Conversion.Apply(raw);
        if (channel.Type == FieldType.Integer)
        {
            var whole = Math.Round(converted);
            if (Math.Abs(whole - converted) > 1e-9 || Math.Abs(whole) > 9e15)
            {
                return $"column \"{channel.Channel}\": '{cell}' is not a whole number ({channel.Field} is an integer)";
            }

            chunk.Write((long)whole);
            chunk.Write((byte)'i');
            return null;
        }

        chunk.Write(converted);
        return null;
    }

    private bool TryTime(ReadOnlySpan<char> text, long previousNs, out long ns, out string error)
    {
        ns = 0;
        error = "";
        switch (_mapping.TimeFormat)
        {
            case "unix":
            case "unix_ms":
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > 9e9m * (_mapping.TimeFormat == "unix" ? 1 : 1000))
                {
                    error = $"time '{text}' is not a {(_mapping.TimeFormat == "unix" ? "Unix time in seconds" : "Unix time in milliseconds")}";
                    return false;
                }

                ns = (long)decimal.Round(number * (_mapping.TimeFormat == "unix" ? 1_000_000_000m : 1_000_000m));
                return true;
        }

        DateTime local;
        if (_mapping.TimeFormat == "iso8601")
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out local))
            {
                error = $"time '{text}' is not an ISO 8601 date and time";
                return false;
            }

            if (local.Kind != DateTimeKind.Unspecified)
            {
                ns = ToNs(local.ToUniversalTime());
                return true;
            }
        }
        else if (!DateTime.TryParseExact(text, _mapping.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            error = $"time '{text}' does not match the format '{_mapping.TimeFormat}'";
            return false;
        }

        var zone = _mapping.TimeZone!;
        if (zone.IsInvalidTime(local))
        {
            error = $"time '{text}' does not exist in {zone.Id} (skipped by the change to daylight saving time)";
            return false;
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The hour repeated when clocks go back: take the reading that keeps the logger's time moving forward.
            var candidates = zone.GetAmbiguousTimeOffsets(local).Select(o => ToNs(DateTime.SpecifyKind(local - o, DateTimeKind.Utc))).Order().ToArray();
            ns = candidates.FirstOrDefault(c => c >= previousNs, candidates[^1]);
            return true;
        }

        ns = ToNs(DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc));
        return true;
    }

    private static long ToNs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    private (int[] Columns, int Time) Resolve(List<ReadOnlyMemory<char>> header, string source)
    {
        var names = header.Select(h => h.Span.Trim().ToString()).ToList();
        int Find(string name, string key)
        {
            var index = names.IndexOf(name);
            return index >= 0
                ? index
                : throw new ImportMappingException(key, $"no column \"{name}\" in the header of {source} (line {_mapping.HeaderLine}: {string.Join(", ", names.Take(12).Select(n => $"\"{n}\""))}{(names.Count > 12 ? ", …" : "")})");
        }

        var time = Find(_mapping.TimeColumn, "time.column");
        return ([.. _mapping.Channels.Select(c => Find(c.Channel, $"channels.\"{c.Channel}\""))], time);
    }

    private static bool IsGap(ReadOnlySpan<char> cell)
    {
        foreach (var gap in Gaps)
        {
            if (cell.Equals(gap, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Refuse(ImportSummary summary, string source, long line, string reason)
    {
        summary.RefusedCount++;
        if (summary.Refused.Count < MaxListedRefusals)
        {
            summary.Refused.Add(new RefusedRow(source, line, reason));
        }
    }

    /// <summary>Splits one CSV line; a cell in double quotes may hold the delimiter and <c>""</c> for a quote.</summary>
    internal static void Split(string line, char delimiter, List<ReadOnlyMemory<char>> cells)
    {
        cells.Clear();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(line[i++]);
                }

                var next = line.IndexOf(delimiter, i);
                cells.Add(value.ToString().AsMemory());
                if (next < 0)
                {
                    return;
                }

                i = next + 1;
                continue;
            }

            var end = line.IndexOf(delimiter, i);
            if (end < 0)
            {
                cells.Add(line.AsMemory(i));
                return;
            }

            cells.Add(line.AsMemory(i, end - i));
            i = end + 1;
        }
    }
}
