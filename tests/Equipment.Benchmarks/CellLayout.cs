using System.Diagnostics;
using System.Globalization;
using System.Text;
using Equipment.Testing;

namespace Equipment.Benchmarks;

/// <summary>
/// Storing every GB/T 32960 cell voltage: "one point per subsystem per frame, a field per cell" (truck_cells) against
/// "a point per cell" (tag cell). Same values into two databases of one private influxd; prints line-protocol bytes,
/// write time, influxd CPU, TSM bytes once the cache is snapshotted, series count and the time to chart one cell.
/// </summary>
public static class CellLayout
{
    public static async Task<int> RunAsync(int frames, int cellsPerSubsystem)
    {
        // Snapshot the cache to TSM files soon after writes stop, so bytes on disk can be compared.
        Environment.SetEnvironmentVariable("INFLUXDB_DATA_CACHE_SNAPSHOT_WRITE_COLD_DURATION", "2s");
        await using var influx = await InfluxDbServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(influx.Url), Timeout = TimeSpan.FromMinutes(5) };
        foreach (var db in new[] { "field_per_cell", "point_per_cell" })
        {
            (await http.PostAsync("/query", new FormUrlEncodedContent([new("q", $"CREATE DATABASE {db}")]))).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"cells: {frames} frames (1 s apart) × 2 subsystems × {cellsPerSubsystem} cells = {frames * 2L * cellsPerSubsystem:N0} values");
        Console.WriteLine("layout          lines       LP bytes   write s  influxd CPU s  TSM bytes  bytes/value  series  one-cell query ms");
        foreach (var layout in new[] { "field_per_cell", "point_per_cell" })
        {
            var random = new Random(7);
            var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            var body = new StringBuilder();
            long lines = 0, bytes = 0;
            var mv = Enumerable.Range(0, 2 * cellsPerSubsystem).Select(_ => 3700 + random.Next(-20, 20)).ToArray();
            var cpuBefore = CpuSeconds(influx.ProcessId!.Value);
            var watch = Stopwatch.StartNew();
            for (var f = 0; f < frames; f++)
            {
                for (var i = 0; i < mv.Length; i++)
                {
                    mv[i] += random.Next(-2, 3);
                }

                for (var s = 0; s < 2; s++)
                {
                    if (layout == "field_per_cell")
                    {
                        body.Append("truck_cells,fleet=f,id=t1,subsystem=").Append(s + 1).Append(' ');
                        for (var c = 0; c < cellsPerSubsystem; c++)
                        {
                            body.Append(c == 0 ? "" : ",").Append('c').Append((c + 1).ToString("D3", CultureInfo.InvariantCulture)).Append('=').Append(mv[(s * cellsPerSubsystem) + c]).Append('i');
                        }

                        body.Append(' ').Append(start + f).Append('\n');
                        lines++;
                    }
                    else
                    {
                        for (var c = 0; c < cellsPerSubsystem; c++)
                        {
                            body.Append("truck_cell,cell=").Append((c + 1).ToString("D3", CultureInfo.InvariantCulture)).Append(",fleet=f,id=t1,subsystem=").Append(s + 1)
                                .Append(" mv=").Append(mv[(s * cellsPerSubsystem) + c]).Append("i ").Append(start + f).Append('\n');
                            lines++;
                        }
                    }
                }

                if (body.Length > 1_000_000 || f == frames - 1)
                {
                    var payload = Encoding.UTF8.GetBytes(body.ToString());
                    bytes += payload.Length;
                    body.Clear();
                    using var response = await http.PostAsync($"/write?db={layout}&precision=s", new ByteArrayContent(payload));
                    response.EnsureSuccessStatusCode();
                }
            }

            var writeSeconds = watch.Elapsed.TotalSeconds;
            var tsm = await SettledTsmBytesAsync(Path.Combine(influx.DataDirectory, layout));
            var cpu = CpuSeconds(influx.ProcessId!.Value) - cpuBefore;
            var series = await ScalarAsync(http, layout, "SHOW SERIES CARDINALITY");
            var query = layout == "field_per_cell"
                ? "SELECT c042 FROM truck_cells WHERE id = 't1' AND subsystem = '1'"
                : "SELECT mv FROM truck_cell WHERE id = 't1' AND subsystem = '1' AND cell = '042'";
            await ScalarAsync(http, layout, query);
            watch.Restart();
            const int Repeats = 5;
            for (var r = 0; r < Repeats; r++)
            {
                await ScalarAsync(http, layout, query);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{layout,-15} {lines,9:N0} {bytes,14:N0} {writeSeconds,9:0.00} {cpu,14:0.00} {tsm,10:N0} {(double)tsm / (frames * 2L * cellsPerSubsystem),12:0.00} {series,7} {watch.Elapsed.TotalMilliseconds / Repeats,18:0.0}"));
        }

        return 0;
    }

    private static async Task<long> SettledTsmBytesAsync(string directory)
    {
        long last = -1;
        for (var i = 0; i < 60; i++)
        {
            await Task.Delay(1000);
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.tsm", SearchOption.AllDirectories) : [];
            var size = files.Sum(f => new FileInfo(f).Length);
            if (size > 0 && size == last)
            {
                return size;
            }

            last = size;
        }

        return last;
    }

    private static async Task<string> ScalarAsync(HttpClient http, string db, string q)
    {
        using var response = await http.PostAsync("/query", new FormUrlEncodedContent([new("q", q), new("db", db)]));
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        var doc = System.Text.Json.JsonDocument.Parse(json);
        var result = doc.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var s) ? s[0].GetProperty("values")[0][s[0].GetProperty("values")[0].GetArrayLength() - 1].ToString() : "0";
    }

    /// <summary>User + system CPU of a process from /proc (Linux), in seconds.</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
