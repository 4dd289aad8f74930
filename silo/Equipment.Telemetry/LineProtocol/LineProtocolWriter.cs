using Equipment.Telemetry.Ingest;

namespace Equipment.Telemetry.LineProtocol;

/// <summary>
/// Writes line protocol by hand into a <see cref="ByteBuffer"/>: a line is begun, tagged, given fields and
/// ended with its timestamp. Escaping follows InfluxDB's rules for each part. Used for what the twins derive
/// (strokes, KPIs, runs, alerts); a general-purpose point object would cost ten times more per line.
/// </summary>
public ref struct LineProtocolWriter
{
    private readonly ByteBuffer _buffer;
    private readonly int _lineStart;
    private bool _firstField;

    public LineProtocolWriter(ByteBuffer buffer, string measurement)
    {
        _buffer = buffer;
        _lineStart = buffer.Length;
        _firstField = true;
        WriteEscaped(buffer, measurement, EscapeKind.Measurement);
    }

    public LineProtocolWriter Tag(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _buffer.Write((byte)',');
            WriteEscaped(_buffer, key, EscapeKind.Key);
            _buffer.Write((byte)'=');
            WriteEscaped(_buffer, value, EscapeKind.Key);
        }

        return this;
    }

    public LineProtocolWriter Field(string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            Key(key);
            _buffer.Write(v);
        }

        return this;
    }

    public LineProtocolWriter Field(string key, long value)
    {
        Key(key);
        _buffer.Write(value);
        _buffer.Write((byte)'i');
        return this;
    }

    public LineProtocolWriter Field(string key, bool value)
    {
        Key(key);
        _buffer.Write(value ? "true"u8 : "false"u8);
        return this;
    }

    public LineProtocolWriter Field(string key, string? value)
    {
        if (value is not null)
        {
            Key(key);
            _buffer.Write((byte)'"');
            WriteEscaped(_buffer, value, EscapeKind.String);
            _buffer.Write((byte)'"');
        }

        return this;
    }

    /// <summary>Ends the line; a line that got no field is removed again, since InfluxDB refuses it.</summary>
    public void End(long timestampNs)
    {
        if (_firstField)
        {
            _buffer.Truncate(_lineStart);
            return;
        }

        _buffer.Write((byte)' ');
        _buffer.Write(timestampNs);
        _buffer.Write((byte)'\n');
    }

    public static long ToNanoseconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private void Key(string key)
    {
        _buffer.Write(_firstField ? (byte)' ' : (byte)',');
        _firstField = false;
        WriteEscaped(_buffer, key, EscapeKind.Key);
        _buffer.Write((byte)'=');
    }

    private static void WriteEscaped(ByteBuffer buffer, string text, EscapeKind kind)
    {
        Span<byte> one = stackalloc byte[4];
        var backslashes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // Line protocol has no newline escape; a newline would end the line early. The space that replaces
            // it is escaped like any other space, or it would end the measurement, tag or key.
            var newline = rune.Value is '\n' or '\r';
            var c = newline ? ' ' : rune.Value;
            var escape = kind switch
            {
                EscapeKind.Measurement => c is ',' or ' ',
                EscapeKind.Key => c is ',' or ' ' or '=',
                _ => c is '"' or '\\',
            };
            if (kind != EscapeKind.String && c == '\\')
            {
                backslashes++;
                continue;
            }

            if (backslashes > 0)
            {
                // The reader pairs backslashes from the left, so a run of literal ones before a character that
                // gets escaped would swallow the escape; doubled, the run pairs with itself and the structure survives.
                WriteBackslashes(buffer, escape ? 2 * backslashes : backslashes);
                backslashes = 0;
            }

            if (escape)
            {
                buffer.Write((byte)'\\');
            }

            if (newline)
            {
                buffer.Write((byte)' ');
                continue;
            }

            var n = rune.EncodeToUtf8(one);
            buffer.Write(one[..n]);
        }

        // Last in a name or tag value, literal backslashes would escape the separator that follows.
        WriteBackslashes(buffer, 2 * backslashes);
    }

    private static void WriteBackslashes(ByteBuffer buffer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            buffer.Write((byte)'\\');
        }
    }

    private enum EscapeKind
    {
        Measurement,
        Key,
        String,
    }
}
