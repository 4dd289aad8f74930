using System.Globalization;
using System.Text;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>
/// Valid TBM, cutter and truck lines with random values, from a seeded <see cref="Random"/>: the same seed gives
/// the same bodies on every machine. Values include the edges that stress number handling (long and ulong
/// bounds, subnormals, the largest double, integral floats for integer fields).
/// </summary>
public sealed class Corpus(Random random, string[]? ids = null)
{
    private static readonly string[] FloatTexts =
    [
        "0", "-0", "1", "-1", "0.5", "-12.25", "1e3", "1E-3", "2.5e+10", ".5", "-.5", "1.", "123456789.125",
        "1.7976931348623157e308", "-1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "0.1", "9007199254740993",
    ];

    private static readonly string[] IntegerTexts =
    [
        "0i", "-0i", "1i", "-1i", "42i", "9223372036854775807i", "-9223372036854775808i", "0u", "7u", "9223372036854775807u",
    ];

    private static readonly string[] UnsignedForFloatTexts = ["18446744073709551615u", "9223372036854775808u", "12345u"];

    private static readonly string[] IntegralFloatTexts = ["0", "12", "12.0", "1e3", "-7", "-0.0", "4.5e2", "9.1e18"];

    private readonly string[] _ids = ids ?? ["tbm-1", "TBM_2", "s1:x", "a.b", "truck-7", "t-9", "x"];

    public Random Random { get; } = random;

    public byte[] Body(int maxLines = 8)
    {
        var sb = new StringBuilder();
        var lines = Random.Next(1, maxLines + 1);
        for (var i = 0; i < lines; i++)
        {
            sb.Append(Line());
            sb.Append(Random.Next(10) == 0 ? "\r\n" : "\n");
        }

        if (Random.Next(4) == 0)
        {
            sb.Length -= sb[^2] == '\r' ? 2 : 1;
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public string Line() => Random.Next(3) switch
    {
        0 => Tbm(),
        1 => Cutter(),
        _ => Truck(),
    };

    public string Tbm()
    {
        var sb = new StringBuilder("tbm,id=").Append(Pick(_ids));
        if (Random.Next(2) == 0)
        {
            sb.Append(",site=site-a");
        }

        if (Random.Next(4) == 0)
        {
            sb.Append(",shift=night\\ crew");
        }

        sb.Append(' ');
        var fields = new List<string>();
        foreach (var f in new[] { "chainage_m", "thrust_kn", "torque_knm", "rpm", "penetration_mm_rev", "advance_mm_min", "power_kw" })
        {
            if (Random.Next(2) == 0)
            {
                fields.Add($"{f}={FloatValue()}");
            }
        }

        if (Random.Next(2) == 0)
        {
            fields.Add($"stroke={(Random.Next(3) == 0 ? Pick(IntegralFloatTexts) : Random.Next(0, 100000).ToString(CultureInfo.InvariantCulture) + "i")}");
        }

        if (Random.Next(2) == 0)
        {
            fields.Add($"boring={Pick(["true", "false", "t", "F", "TRUE", "False"])}");
        }

        AddUnknown(fields);
        if (fields.Count == 0)
        {
            fields.Add($"rpm={FloatValue()}");
        }

        return sb.Append(string.Join(',', Shuffle(fields))).Append(Timestamp()).ToString();
    }

    public string Cutter()
    {
        var fields = new List<string> { $"wear_mm={FloatValue()}" };
        if (Random.Next(2) == 0)
        {
            fields.Add($"replaced={Pick(["true", "false"])}");
        }

        return $"tbm_cutter,id={Pick(_ids)},position={Random.Next(0, 10000)} {string.Join(',', Shuffle(fields))}{Timestamp()}";
    }

    public string Truck()
    {
        var sb = new StringBuilder("truck,");
        sb.Append(Random.Next(2) == 0 ? $"fleet=g318,id={Pick(_ids)}" : $"id={Pick(_ids)}");
        sb.Append(' ');
        var fields = new List<string>();
        foreach (var f in new[] { "odometer_km", "lat", "lon", "altitude_m", "speed_kmh", "soc_pct", "battery_temp_c", "battery_current_a", "power_kw", "brake_pad_mm" })
        {
            if (Random.Next(3) == 0)
            {
                fields.Add($"{f}={FloatValue()}");
            }
        }

        AddUnknown(fields);
        if (fields.Count == 0)
        {
            fields.Add($"soc_pct={FloatValue()}");
        }

        return sb.Append(string.Join(',', Shuffle(fields))).Append(Timestamp()).ToString();
    }

    private void AddUnknown(List<string> fields)
    {
        // Each unknown field name has one type, so random bodies never conflict with each other by accident.
        if (Random.Next(3) == 0)
        {
            fields.Add($"note=\"{Pick(["ok", "a, b", "say \\\"hi\\\"", "back\\\\slash", "x=y z", "ünïcödé ✓", ""])}\"");
        }

        if (Random.Next(3) == 0)
        {
            fields.Add($"code={Random.Next(-1000, 1000)}i");
        }

        if (Random.Next(4) == 0)
        {
            fields.Add($"flag={Pick(["true", "false"])}");
        }

        if (Random.Next(4) == 0)
        {
            fields.Add($"ratio={Pick(FloatTexts)}");
        }
    }

    private string FloatValue() => Random.Next(6) switch
    {
        0 => Pick(IntegerTexts),
        1 => Pick(UnsignedForFloatTexts),
        2 => Pick(FloatTexts),
        _ => (Random.NextDouble() * 20000 - 10000).ToString("R", CultureInfo.InvariantCulture),
    };

    private string Timestamp() => Random.Next(5) switch
    {
        0 => "",
        1 => " " + Random.NextInt64(-1_000_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture),
        _ => " " + Random.NextInt64(0, 9_000_000_000).ToString(CultureInfo.InvariantCulture),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    private List<string> Shuffle(List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
