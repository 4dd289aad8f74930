using System.Globalization;

namespace Equipment.Simulator.Replay;

public static class StrokeCsvReader
{
    private static readonly string[] Columns =
    [
        "stroke", "chainage_start_m", "chainage_end_m",
        "penetration_mm_rev_mean", "thrust_kn_mean", "torque_mnm_mean", "rpm_mean",
        "penetration_mm_rev_median", "thrust_kn_median", "torque_mnm_median", "rpm_median",
    ];

    public static IReadOnlyList<StrokeRecord> Read(string path) => Parse(File.ReadLines(path));

    public static IReadOnlyList<StrokeRecord> Parse(IEnumerable<string> lines)
    {
        using var e = lines.GetEnumerator();
        if (!e.MoveNext())
        {
            return [];
        }

        // Columns are looked up by name so a reordered export still reads correctly.
        var header = e.Current.Split(',').Select(h => h.Trim()).ToList();
        var index = Columns.Select(c => header.IndexOf(c) is var i and >= 0
            ? i
            : throw new FormatException($"stroke CSV lacks column '{c}'")).ToArray();

        var rows = new List<StrokeRecord>();
        while (e.MoveNext())
        {
            if (string.IsNullOrWhiteSpace(e.Current))
            {
                continue;
            }

            var c = e.Current.Split(',');
            double D(int k) => double.Parse(c[index[k]], CultureInfo.InvariantCulture);
            rows.Add(new StrokeRecord(
                (long)D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7), D(8), D(9), D(10)));
        }

        return rows;
    }
}
