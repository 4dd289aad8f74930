using System.Globalization;

namespace Equipment.Domain.Routes;

/// <summary>
/// Reads a route profile CSV: header with at least <c>km,altitude_m,name,kind</c> (any order, more columns allowed;
/// optional <c>lat</c>,<c>lon</c> in WGS-84 degrees, both or neither per line),
/// one waypoint per line in road order, km strictly increasing. Fields must not contain commas.
/// </summary>
public static class RouteCsv
{
    public static RouteProfile Parse(string id, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0])) throw new RouteFormatException(0, "empty route file (no header).");
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        int Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 ? index : throw new RouteFormatException(1, $"missing column '{name}' (header: {lines[0].Trim()}).");
        }

        var km = Column("km");
        var altitude = Column("altitude_m");
        var name = Column("name");
        var kind = Column("kind");
        var lat = Array.IndexOf(header, "lat");
        var lon = Array.IndexOf(header, "lon");
        var waypoints = new List<RouteWaypoint>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var lineNo = i + 1;
            var cells = line.Split(',');
            if (cells.Length != header.Length)
                throw new RouteFormatException(lineNo, $"expected {header.Length} fields, found {cells.Length}.");
            var k = Number(cells[km], "km", lineNo);
            var a = Number(cells[altitude], "altitude_m", lineNo);
            if (k < 0) throw new RouteFormatException(lineNo, $"km must be >= 0 (was {k}).");
            if (waypoints.Count > 0 && k <= waypoints[^1].Km)
                throw new RouteFormatException(lineNo, $"km must increase along the route ({k} after {waypoints[^1].Km}).");
            double? la = lat >= 0 && cells[lat].Trim().Length > 0 ? Number(cells[lat], "lat", lineNo) : null;
            double? lo = lon >= 0 && cells[lon].Trim().Length > 0 ? Number(cells[lon], "lon", lineNo) : null;
            if (la is not null != lo is not null) throw new RouteFormatException(lineNo, "lat and lon must both be given or both be empty.");
            if (la is { } laV && Math.Abs(laV) > 90) throw new RouteFormatException(lineNo, $"lat must be within ±90 (was {laV}).");
            if (lo is { } loV && Math.Abs(loV) > 180) throw new RouteFormatException(lineNo, $"lon must be within ±180 (was {loV}).");
            waypoints.Add(new RouteWaypoint(k, a, cells[name].Trim(), cells[kind].Trim(), la, lo));
        }

        if (waypoints.Count < 2) throw new RouteFormatException(0, $"a route needs at least 2 waypoints (found {waypoints.Count}).");
        return new RouteProfile(id, waypoints);
    }

    private static double Number(string cell, string column, int line) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new RouteFormatException(line, $"{column} '{cell.Trim()}' is not a number.");
}
