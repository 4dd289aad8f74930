using System.Globalization;

namespace Equipment.Domain.Routes;

/// <summary>
/// Reads a charging-point CSV: header with at least <c>km,name,power_kw</c> (optional <c>operator</c>, <c>source</c>),
/// one point per line, km strictly increasing. Errors are <see cref="RouteFormatException"/>s naming line and field.
/// </summary>
public static class ChargingPointCsv
{
    public static IReadOnlyList<ChargingPoint> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0])) throw new RouteFormatException(0, "empty charging-point file (no header).");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        int Column(string name, bool required = true)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 || !required ? index : throw new RouteFormatException(1, $"missing column '{name}' (header: {lines[0].Trim()}).");
        }

        var km = Column("km");
        var name = Column("name");
        var power = Column("power_kw");
        var op = Column("operator", false);
        var source = Column("source", false);
        var points = new List<ChargingPoint>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var lineNo = i + 1;
            var cells = line.Split(',');
            if (cells.Length != header.Length) throw new RouteFormatException(lineNo, $"expected {header.Length} fields, found {cells.Length}.");
            var k = Number(cells[km], "km", lineNo);
            var p = Number(cells[power], "power_kw", lineNo);
            if (k < 0) throw new RouteFormatException(lineNo, $"km must be >= 0 (was {k}).");
            if (!(p > 0)) throw new RouteFormatException(lineNo, $"power_kw must be > 0 (was {p}).");
            if (points.Count > 0 && k <= points[^1].Km) throw new RouteFormatException(lineNo, $"km must increase along the route ({k} after {points[^1].Km}).");
            points.Add(new ChargingPoint(k, cells[name].Trim(), p, op >= 0 ? cells[op].Trim() : "", source >= 0 ? cells[source].Trim() : ""));
        }

        return points;
    }

    private static double Number(string cell, string column, int line) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new RouteFormatException(line, $"{column} '{cell.Trim()}' is not a number.");
}
