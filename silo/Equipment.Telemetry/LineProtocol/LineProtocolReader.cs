using System.Text.Unicode;

namespace Equipment.Telemetry.LineProtocol;

/// <summary>
/// Splits an InfluxDB line-protocol body into lines and sections without allocating. It checks the
/// structure (measurement, tag pairs, field pairs, quoting, timestamp, UTF-8); field values are typed
/// by <see cref="FieldReader"/>. Blank lines and <c>#</c> comments are skipped but counted.
/// </summary>
public ref struct LineProtocolReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _position;
    private int _lineNumber;

    public LineProtocolReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        _position = 0;
        _lineNumber = 0;
        Error = default;
    }

    /// <summary>Set when <see cref="Read"/> returns <see cref="ReadStatus.Error"/>.</summary>
    public LineProtocolError Error { get; private set; }

    public ReadStatus Read(out LineProtocolLine line)
    {
        while (_position < _body.Length)
        {
            var rest = _body[_position..];
            var newline = rest.IndexOf((byte)'\n');
            var text = newline < 0 ? rest : rest[..newline];
            _position += newline < 0 ? rest.Length : newline + 1;
            _lineNumber++;

            text = TrimWhitespace(text);
            if (text.IsEmpty || text[0] == (byte)'#')
            {
                continue;
            }

            var reason = ParseLine(text, out line);
            if (reason is null)
            {
                return ReadStatus.Line;
            }

            Error = new LineProtocolError(_lineNumber, reason);
            return ReadStatus.Error;
        }

        line = default;
        return ReadStatus.End;
    }

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && s[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        var end = s.Length;
        while (end > start && s[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end--;
        }

        return s[start..end];
    }

    private readonly string? ParseLine(ReadOnlySpan<byte> s, out LineProtocolLine line)
    {
        line = default;
        if (!Utf8.IsValid(s))
        {
            return "not valid UTF-8";
        }

        var n = s.Length;
        var i = 0;
        while (i < n && s[i] != (byte)',' && s[i] != (byte)' ')
        {
            i += s[i] == (byte)'\\' ? 2 : 1;
        }

        i = Math.Min(i, n);
        var measurement = s[..i];
        if (measurement.IsEmpty)
        {
            return "missing measurement";
        }

        if (i >= n)
        {
            return "missing fields";
        }

        var tags = ReadOnlySpan<byte>.Empty;
        if (s[i] == (byte)',')
        {
            var tagStart = ++i;
            while (true)
            {
                var keyStart = i;
                while (i < n && s[i] != (byte)'=')
                {
                    if (s[i] is (byte)',' or (byte)' ')
                    {
                        return $"tag key '{FieldReader.Show(s[keyStart..i])}' has no value";
                    }

                    i += s[i] == (byte)'\\' ? 2 : 1;
                }

                if (i >= n)
                {
                    return "missing fields";
                }

                if (i == keyStart)
                {
                    return "empty tag key";
                }

                var valueStart = ++i;
                while (i < n && s[i] != (byte)',' && s[i] != (byte)' ')
                {
                    if (s[i] == (byte)'=')
                    {
                        return $"unescaped '=' in the value of tag '{FieldReader.Show(s[keyStart..(valueStart - 1)])}'";
                    }

                    i += s[i] == (byte)'\\' ? 2 : 1;
                }

                i = Math.Min(i, n);
                if (i == valueStart)
                {
                    return $"tag '{FieldReader.Show(s[keyStart..(valueStart - 1)])}' has an empty value";
                }

                if (i >= n)
                {
                    return "missing fields";
                }

                if (s[i] == (byte)' ')
                {
                    break;
                }

                i++;
            }

            tags = s[tagStart..i];
        }

        while (i < n && s[i] == (byte)' ')
        {
            i++;
        }

        if (i >= n)
        {
            return "missing fields";
        }

        var fieldStart = i;
        while (true)
        {
            var keyStart = i;
            while (i < n && s[i] != (byte)'=')
            {
                if (s[i] is (byte)',' or (byte)' ')
                {
                    return $"field '{FieldReader.Show(s[keyStart..i])}' has no value";
                }

                i += s[i] == (byte)'\\' ? 2 : 1;
            }

            if (i >= n)
            {
                return $"field '{FieldReader.Show(s[keyStart..Math.Min(i, n)])}' has no value";
            }

            if (i == keyStart)
            {
                return "empty field key";
            }

            var end = Scan.FieldValueEnd(s, i + 1);
            if (end < 0)
            {
                return $"unterminated string in field '{FieldReader.Show(s[keyStart..i])}'";
            }

            if (end == i + 1)
            {
                return $"field '{FieldReader.Show(s[keyStart..i])}' has no value";
            }

            i = end;
            if (i < n && s[i] == (byte)',')
            {
                i++;
                if (i >= n || s[i] == (byte)' ')
                {
                    return "trailing comma after the last field";
                }

                continue;
            }

            if (i < n && s[i] != (byte)' ')
            {
                return $"unexpected '{(char)s[i]}' after the value of field '{FieldReader.Show(s[keyStart..Math.Min(keyStart + 40, n)])}'";
            }

            break;
        }

        var fields = s[fieldStart..i];
        while (i < n && s[i] == (byte)' ')
        {
            i++;
        }

        var hasTimestamp = i < n;
        long timestamp = 0;
        if (hasTimestamp)
        {
            var ts = s[i..];
            if (!TryParseTimestamp(ts, out timestamp))
            {
                return $"invalid timestamp '{FieldReader.Show(ts)}'";
            }
        }

        line = new LineProtocolLine(_lineNumber, measurement, tags, fields, hasTimestamp, timestamp);
        return null;
    }

    private static bool TryParseTimestamp(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        var negative = s[0] == (byte)'-';
        var i = negative ? 1 : 0;
        if (i >= s.Length || s.Length - i > 19)
        {
            return false;
        }

        ulong acc = 0;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9)
            {
                return false;
            }

            acc = (acc * 10) + d;
        }

        if (acc > long.MaxValue)
        {
            return false;
        }

        value = negative ? -(long)acc : (long)acc;
        return true;
    }
}
