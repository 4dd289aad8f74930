using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Equipment.Dashboard.History;

/// <summary>
/// A history answer in columns (one time array, one value array per field), the layout charting libraries draw
/// from directly; null where a field has no value in a bucket.
/// </summary>
public sealed record HistoryResult(
    string Id,
    string Measurement,
    int? Position,
    string Tier,
    string Every,
    DateTimeOffset From,
    DateTimeOffset To,
    string[] Fields,
    List<long> Times,
    Dictionary<string, List<double?>> Values)
{
    public static HistoryResult Create(HistoryRequest request, JsonElement result)
    {
        var times = new List<long>();
        var values = request.Fields.ToDictionary(f => f, _ => new List<double?>(), StringComparer.Ordinal);
        if (result.TryGetProperty("series", out var series))
        {
            foreach (var s in series.EnumerateArray())
            {
                var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
                foreach (var row in s.GetProperty("values").EnumerateArray())
                {
                    var cells = row.EnumerateArray().ToArray();
                    times.Add(cells[0].GetInt64());
                    for (var i = 1; i < columns.Length && i < cells.Length; i++)
                    {
                        if (values.TryGetValue(columns[i], out var list))
                        {
                            list.Add(cells[i].ValueKind == JsonValueKind.Number ? cells[i].GetDouble() : null);
                        }
                    }
                }
            }
        }

        return new HistoryResult(request.Id, request.Measurement, request.Position, request.Tier.Name, request.EveryText,
            request.From, request.To, request.Fields, times, values);
    }

    /// <summary>CSV for spreadsheets: ISO time then one column per field, invariant culture, empty cell for no value.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append("time,").AppendJoin(',', Fields).Append('\n');
        for (var row = 0; row < Times.Count; row++)
        {
            csv.Append(DateTimeOffset.FromUnixTimeMilliseconds(Times[row]).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            foreach (var field in Fields)
            {
                csv.Append(',');
                if (Values[field][row] is { } v)
                {
                    csv.Append(v.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }
}
