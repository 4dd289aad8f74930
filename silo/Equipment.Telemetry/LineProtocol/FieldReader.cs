using System.Globalization;

namespace Equipment.Telemetry.LineProtocol;

/// <summary>
/// Walks the field section of a line and types each value. The section's structure was checked by
/// <see cref="LineProtocolReader"/>; the values are checked here, so a consumer sees a reason for each bad one.
/// </summary>
public ref struct FieldReader
{
    private ReadOnlySpan<byte> _rest;

    public FieldReader(ReadOnlySpan<byte> fields) => _rest = fields;

    /// <summary>Reads the next field; on a bad value returns true with <paramref name="error"/> set.</summary>
    public bool TryNext(out ReadOnlySpan<byte> key, out FieldValue value, out string? error)
    {
        error = null;
        value = default;
        if (_rest.IsEmpty)
        {
            key = default;
            return false;
        }

        var eq = Scan.To(_rest, (byte)'=');
        key = _rest[..eq];
        var end = Scan.FieldValueEnd(_rest, eq + 1);
        var raw = _rest[(eq + 1)..end];
        _rest = end < _rest.Length ? _rest[(end + 1)..] : default;
        error = Parse(raw, out value);
        return true;
    }

    /// <summary>Types one raw value; returns an error reason or null.</summary>
    public static string? Parse(ReadOnlySpan<byte> raw, out FieldValue value)
    {
        value = default;
        if (raw.IsEmpty)
        {
            return "missing field value";
        }

        var first = raw[0];
        if (first == (byte)'"')
        {
            var inner = raw[1..^1];
            if (inner.Length > MaxStringBytes)
            {
                return $"string longer than {MaxStringBytes} bytes";
            }

            value = new FieldValue(FieldType.String, inner, 0, 0, false);
            return null;
        }

        if (first is (byte)'t' or (byte)'T' or (byte)'f' or (byte)'F')
        {
            if (TryBoolean(raw, out var b))
            {
                value = new FieldValue(FieldType.Boolean, raw, 0, 0, b);
                return null;
            }

            return $"invalid boolean '{Show(raw)}'";
        }

        var last = raw[^1];
        if (last == (byte)'i')
        {
            var digits = raw[..^1];
            if (!IsInteger(digits, allowMinus: true) || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return $"invalid integer '{Show(raw)}'";
            }

            value = new FieldValue(FieldType.Integer, raw, l, l, false);
            return null;
        }

        if (last == (byte)'u')
        {
            var digits = raw[..^1];
            if (!IsInteger(digits, allowMinus: false) || !ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                return $"invalid unsigned integer '{Show(raw)}'";
            }

            value = new FieldValue(FieldType.UInteger, raw, u, u <= long.MaxValue ? (long)u : long.MaxValue, false);
            return null;
        }

        if (!IsFloatSyntax(raw))
        {
            return raw.SequenceEqual("NaN"u8) || raw.EndsWith("Inf"u8) || raw.EndsWith("inf"u8)
                ? $"'{Show(raw)}' is not a finite number"
                : $"invalid number '{Show(raw)}'";
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
        {
            return $"'{Show(raw)}' is not a finite number";
        }

        value = new FieldValue(FieldType.Float, raw, d, 0, false);
        return null;
    }

    /// <summary>InfluxDB's own limit for one string field value.</summary>
    public const int MaxStringBytes = 64 * 1024;

    private static bool TryBoolean(ReadOnlySpan<byte> s, out bool value)
    {
        value = s[0] is (byte)'t' or (byte)'T';
        return s.Length switch
        {
            1 => true,
            4 => s.SequenceEqual("true"u8) || s.SequenceEqual("True"u8) || s.SequenceEqual("TRUE"u8),
            5 => s.SequenceEqual("false"u8) || s.SequenceEqual("False"u8) || s.SequenceEqual("FALSE"u8),
            _ => false,
        };
    }

    private static bool IsInteger(ReadOnlySpan<byte> s, bool allowMinus)
    {
        var i = allowMinus && s.Length > 0 && s[0] == (byte)'-' ? 1 : 0;
        if (i >= s.Length)
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            if ((uint)(s[i] - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The float grammar InfluxDB accepts: -?digits[.digits][e[+-]digits], or a leading-dot fraction.</summary>
    private static bool IsFloatSyntax(ReadOnlySpan<byte> s)
    {
        var i = 0;
        if (s[0] == (byte)'-')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] == (byte)'e' || s[i] == (byte)'E'))
        {
            i++;
            if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
            {
                i++;
            }

            var exp = 0;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
                exp++;
            }

            if (exp == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>Shortens a value for an error message so a huge line does not make a huge response.</summary>
    internal static string Show(ReadOnlySpan<byte> s) =>
        s.Length <= 40 ? System.Text.Encoding.UTF8.GetString(s) : System.Text.Encoding.UTF8.GetString(s[..40]) + "…";
}
