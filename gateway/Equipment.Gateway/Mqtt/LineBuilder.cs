using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// Writes InfluxDB line protocol for payloads that arrive in another shape (JSON, Sparkplug B), so that they pass
/// through the same parser and validation as the HTTP API. Keys and values are escaped here; whether they are
/// acceptable (schema, id alphabet, types) is the parser's call.
/// </summary>
public sealed class LineBuilder
{
    private byte[] _buffer = new byte[512];
    private int _length;
    private int _lineStart;
    private int _fieldsInLine;

    public int Lines { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        Lines = 0;
        _fieldsInLine = 0;
    }

    public void BeginLine(string measurement)
    {
        _lineStart = _length;
        _fieldsInLine = 0;
        WriteEscaped(measurement, measurementName: true);
    }

    public void Tag(string key, string value)
    {
        Raw(",");
        WriteEscaped(key);
        Raw("=");
        WriteEscaped(value);
    }

    public void Field(string key, double value)
    {
        FieldKey(key);
        var span = Reserve(32);
        value.TryFormat(span, out var n, "R", CultureInfo.InvariantCulture);
        _length += n;
    }

    public void Field(string key, long value)
    {
        FieldKey(key);
        Utf8Formatter.TryFormat(value, Reserve(24), out var n);
        _length += n;
        Raw("i");
    }

    public void Field(string key, bool value)
    {
        FieldKey(key);
        Raw(value ? "true" : "false");
    }

    public void Field(string key, string value)
    {
        FieldKey(key);
        Raw("\"");
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(escaped.Length));
        _length += Encoding.UTF8.GetBytes(escaped, span);
        Raw("\"");
    }

    /// <summary>Ends the line with a nanosecond timestamp (or none: receive time); a line without fields is dropped.</summary>
    public void EndLine(long? timestampNs)
    {
        if (_fieldsInLine == 0)
        {
            _length = _lineStart;
            return;
        }

        if (timestampNs is { } ts)
        {
            Raw(" ");
            Utf8Formatter.TryFormat(ts, Reserve(24), out var n);
            _length += n;
        }

        Raw("\n");
        Lines++;
    }

    private void FieldKey(string key)
    {
        Raw(_fieldsInLine == 0 ? " " : ",");
        _fieldsInLine++;
        WriteEscaped(key);
        Raw("=");
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }

        return _buffer.AsSpan(_length);
    }

    private void Raw(string ascii)
    {
        var span = Reserve(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        _length += ascii.Length;
    }

    private void WriteEscaped(string text, bool measurementName = false)
    {
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length) * 2);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var n = 0;
        foreach (var b in utf8)
        {
            if (b is (byte)'\n' or (byte)'\r')
            {
                // A newline cannot be escaped in line protocol; it would end the line.
                span[n++] = (byte)' ';
                continue;
            }

            if (b is (byte)',' or (byte)' ' or (byte)'\\' || (b == (byte)'=' && !measurementName))
            {
                span[n++] = (byte)'\\';
            }

            span[n++] = b;
        }

        _length += n;
    }
}
