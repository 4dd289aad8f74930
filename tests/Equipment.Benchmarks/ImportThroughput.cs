using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Equipment.Telemetry.Import;
using Equipment.Testing;

namespace Equipment.Benchmarks;

/// <summary>
/// <c>import</c>: a generated logger file of 50 channels at 1 Hz (<c>--mb</c> MB) imported by the real CLI
/// (<c>equipment-admin import</c>, a child process whose peak RSS is read from /proc) through the gateway until InfluxDB
/// holds every row, against the same rows written straight to InfluxDB in the same run (the same importer, posting its
/// chunks to InfluxDB's /write instead of the gateway's). Ratio = e2e rows/s ÷ raw rows/s.
/// </summary>
public static class ImportThroughput
{
    private const string RawDatabase = "bench_import_raw";
    private const string E2eDatabase = "bench_import_e2e";
    private const int Channels = 50;

    public static async Task<int> RunAsync(Platform platform, int megabytes, int chunkRows, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "equipment-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "logger.csv");
            var mapping = Path.Combine(folder, "mapping.json");
            var clock = Stopwatch.StartNew();
            var rows = Generate(csv, mapping, megabytes * 1024L * 1024);
            Console.WriteLine($"generated {new FileInfo(csv).Length / 1048576.0:F0} MB, {rows:N0} rows x {Channels} channels in {clock.Elapsed.TotalSeconds:F0} s");

            await platform.StartPlatformAsync(E2eDatabase, ct);
            await platform.Influx.QueryAsync(RawDatabase, $"CREATE DATABASE {RawDatabase}");

            // Raw: the importer's chunks straight to InfluxDB, one chunk at a time (the next one read meanwhile) like the CLI.
            clock.Restart();
            using (var http = new HttpClient { BaseAddress = new Uri(platform.Influx.Url), Timeout = TimeSpan.FromMinutes(5) })
            using (var reader = new StreamReader(csv, Encoding.UTF8, false, 1 << 16))
            {
                var importer = new LoggerImporter(ImportMapping.Load(await File.ReadAllTextAsync(mapping, ct), "tbm"), "bench-tbm", chunkRows);
                var summary = await importer.ImportAsync(reader, "logger.csv", new InfluxSink(http, RawDatabase), ct);
                if (summary.Points != rows || summary.Error is not null)
                {
                    throw new InvalidOperationException($"raw import stored {summary.Points} of {rows} rows: {summary.Error}");
                }
            }

            await UntilCountAsync(platform, RawDatabase, rows, ct);
            var raw = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  raw: {rows:N0} rows in {raw:F1} s, {rows / raw:N0} rows/s");

            // End to end: the real CLI through the gateway, timed until InfluxDB holds every row.
            clock.Restart();
            var admin = Path.Combine(AppContext.BaseDirectory, "equipment-admin.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { admin, "import", "tbm", "--id", "bench-tbm", "--mapping", mapping, "--gateway", platform.GatewayUrl, "--chunk-rows", chunkRows.ToString(CultureInfo.InvariantCulture), csv })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["EQUIPMENT_TOKEN"] = Platform.DevToken;
            using var cli = Process.Start(start) ?? throw new InvalidOperationException("equipment-admin did not start");
            var output = cli.StandardOutput.ReadToEndAsync(ct);
            var errors = cli.StandardError.ReadToEndAsync(ct);
            var samples = new List<long>();
            var gatewaySamples = new List<long>();
            long peak = 0;
            while (!cli.HasExited)
            {
                var (rss, hwm) = Memory(cli.Id);
                if (rss > 0)
                {
                    samples.Add(rss);
                    peak = Math.Max(peak, hwm);
                    gatewaySamples.Add(Memory(platform.Gateway!.Id).Rss);
                }

                await Task.WhenAny(cli.WaitForExitAsync(ct), Task.Delay(250, ct));
            }

            if (cli.ExitCode != 0)
            {
                throw new InvalidOperationException($"equipment-admin exited {cli.ExitCode}: {await output}{await errors}");
            }

            var cliSeconds = clock.Elapsed.TotalSeconds;
            await UntilCountAsync(platform, E2eDatabase, rows, ct);
            var e2e = clock.Elapsed.TotalSeconds;
            var gatewayPeak = Memory(platform.Gateway!.Id).Peak;
            var siloPeak = Memory(platform.Silo!.Id).Peak;
            Console.WriteLine($"  e2e: CLI done after {cliSeconds:F1} s; InfluxDB holds all {rows:N0} rows after {e2e:F1} s: {rows / e2e:N0} rows/s");
            Console.WriteLine($"  {(await output).Trim()}");
            var quarter = Math.Max(1, samples.Count / 4);
            string Quarters(List<long> values) => string.Join(" / ", values.Chunk(quarter).Take(4).Select(q => $"{q.Order().ElementAt(q.Length / 2) / 1048576.0:F0}"));
            Console.WriteLine($"  CLI RSS: peak {peak / 1048576.0:F0} MB; median of each quarter of the run {Quarters(samples)} MB ({samples.Count} samples)");
            Console.WriteLine($"  gateway RSS: peak {gatewayPeak / 1048576.0:F0} MB (since start); median of each quarter of the CLI's run {Quarters(gatewaySamples)} MB; silo peak {siloPeak / 1048576.0:F0} MB");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import: e2e {rows / e2e:F0} rows/s, raw {rows / raw:F0} rows/s, ratio {raw / e2e:F2}, {new FileInfo(csv).Length / 1048576.0:F0} MB x {Channels} channels, CLI peak RSS {peak / 1048576.0:F0} MB, gateway peak RSS {gatewayPeak / 1048576.0:F0} MB"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A TBM logger at 1 Hz: the 12 numeric schema channels in logger units plus 38 further channels (motor currents, pump pressures, …).</summary>
    private static long Generate(string csv, string mapping, long bytes)
    {
        string[] schema = ["chainage_m", "thrust_kn", "torque_knm", "rpm", "penetration_mm_rev", "advance_mm_min", "gripper_pressure_bar", "main_bearing_temp_c", "gear_oil_temp_c", "hydraulic_oil_temp_c", "power_kw", "boring"];
        string[] units = ["m", "MN", "MNm", "rpm", "mm/rev", "mm/min", "MPa", "°C", "°C", "°C", "kW", "bool"];
        var channels = new List<(string Column, string Json)>();
        for (var i = 0; i < schema.Length; i++)
        {
            channels.Add(($"{schema[i]} [{units[i]}]", units[i] == "bool" ? $"{{ \"field\": \"{schema[i]}\" }}" : $"{{ \"field\": \"{schema[i]}\", \"unit\": \"{units[i]}\" }}"));
        }

        for (var i = channels.Count; i < Channels; i++)
        {
            channels.Add(($"channel {i} [A]", $"{{ \"field\": \"ch_{i}_a\", \"unit\": \"A\", \"custom\": true }}"));
        }

        File.WriteAllText(mapping, $$"""
            { "time": { "column": "time", "format": "yyyy-MM-dd HH:mm:ss", "timeZone": "UTC" },
              "tags": { "site": "bench" },
              "channels": { {{string.Join(",\n", channels.Select(c => $"\"{c.Column}\": {c.Json}"))}} } }
            """);
        var random = new Random(7);
        var t = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        long rows = 0;
        using var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("time");
        foreach (var (column, _) in channels)
        {
            writer.Write(',');
            writer.Write(column);
        }

        writer.Write('\n');
        var line = new StringBuilder(1024);
        while (writer.BaseStream.Position < bytes)
        {
            line.Clear().Append(t.AddSeconds(rows).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            for (var c = 0; c < Channels; c++)
            {
                line.Append(',');
                if (c == 11)
                {
                    line.Append(rows % 2400 < 2000 ? '1' : '0');
                }
                else
                {
                    line.Append((random.NextDouble() * 1000).ToString("F3", CultureInfo.InvariantCulture));
                }
            }

            writer.Write(line.Append('\n'));
            rows++;
        }

        return rows;
    }

    private static (long Rss, long Peak) Memory(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var l in File.ReadLines($"/proc/{pid}/status"))
            {
                if (l.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
                else if (l.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }

            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static async Task UntilCountAsync(Platform platform, string database, long expected, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await platform.Influx.CountAsync(database, "tbm", "thrust_kn") < expected)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new InvalidOperationException($"{database}: not every row in InfluxDB after 10 minutes");
            }

            await Task.Delay(250, ct);
        }
    }

    private sealed class InfluxSink(HttpClient http, string database) : IImportSink
    {
        public async Task<ChunkOutcome> WriteAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsync($"/write?db={database}&precision=ns", new ReadOnlyMemoryContent(lines), cancellationToken);
            return response.StatusCode == HttpStatusCode.NoContent ? ChunkOutcome.Stored : ChunkOutcome.Failed($"InfluxDB {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
