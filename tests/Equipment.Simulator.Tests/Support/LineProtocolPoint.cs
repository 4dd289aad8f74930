using System.Globalization;

namespace Equipment.Simulator.Tests.Support;

/// <summary>
/// A deliberately strict reader of the simulator's line protocol (no escapes are ever produced), so a
/// test fails if a line is malformed, if a field is an unsigned integer, or a timestamp is missing.
/// </summary>
public sealed record LineProtocolPoint(
    string Measurement, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, string> Fields, long Timestamp)
{
    public static LineProtocolPoint Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3)
        {
            throw new FormatException($"expected 'series fields timestamp': {line}");
        }

        var series = parts[0].Split(',');
        var tags = series.Skip(1).Select(t => t.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        var fields = parts[1].Split(',').Select(f => f.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
        foreach (var (key, value) in fields)
        {
            var valid = value is "true" or "false"
                || (value.EndsWith('i') && long.TryParse(value[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            if (!valid)
            {
                throw new FormatException($"field {key}={value} is not a float, signed integer or boolean: {line}");
            }
        }

        return new LineProtocolPoint(series[0], tags, fields, long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public DateTime Time => DateTime.UnixEpoch.AddMilliseconds(Timestamp);

    public double Double(string field) =>
        double.Parse(Fields[field].TrimEnd('i'), NumberStyles.Float, CultureInfo.InvariantCulture);

    public long Integer(string field) =>
        Fields[field].EndsWith('i')
            ? long.Parse(Fields[field][..^1], CultureInfo.InvariantCulture)
            : throw new FormatException($"{field}={Fields[field]} is not an integer field");

    public bool Bool(string field) => bool.Parse(Fields[field]);
}
