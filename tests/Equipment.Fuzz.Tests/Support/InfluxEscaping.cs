using System.Text;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>InfluxDB's unescape rules (models package), written independently of the production code.</summary>
public static class InfluxEscaping
{
    /// <summary>Measurement: <c>\,</c> and <c>\ </c> lose their backslash; any other backslash is literal.</summary>
    public static string Measurement(string raw) => Unescape(raw, ", ");

    /// <summary>Tag keys, tag values and field keys: <c>\,</c>, <c>\=</c> and <c>\ </c>.</summary>
    public static string Key(string raw) => Unescape(raw, ",= ");

    /// <summary>String field values: <c>\"</c> and <c>\\</c>.</summary>
    public static string StringField(string raw) => Unescape(raw, "\"\\");

    private static string Unescape(string raw, string escapable)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && escapable.Contains(raw[i + 1], StringComparison.Ordinal))
            {
                sb.Append(raw[i + 1]);
                i++;
                continue;
            }

            sb.Append(raw[i]);
        }

        return sb.ToString();
    }
}
