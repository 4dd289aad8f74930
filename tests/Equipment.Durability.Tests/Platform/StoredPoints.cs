using Equipment.Testing;

namespace Equipment.Durability.Tests.Platform;

/// <summary>What InfluxDB holds of one load's fleet.</summary>
public static class StoredPoints
{
    public static async Task<long> CountAsync(InfluxDbServer influx, string fleet)
    {
        var result = await influx.QueryAsync(DurablePlatform.Database, $"SELECT count(odometer_km) FROM truck WHERE fleet = '{fleet}'");
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }

    /// <summary>Rows per timestamp across the fleet's series (each point's timestamp is unique, so every value should be 1).</summary>
    public static async Task<Dictionary<long, int>> ByTimeAsync(InfluxDbServer influx, string fleet)
    {
        var result = await influx.QueryAsync(DurablePlatform.Database, $"SELECT odometer_km FROM truck WHERE fleet = '{fleet}' GROUP BY id");
        var times = new Dictionary<long, int>();
        if (!result.TryGetProperty("series", out var series))
        {
            return times;
        }

        foreach (var s in series.EnumerateArray())
        {
            foreach (var row in s.GetProperty("values").EnumerateArray())
            {
                var time = row[0].GetInt64();
                times[time] = times.GetValueOrDefault(time) + 1;
            }
        }

        return times;
    }
}
