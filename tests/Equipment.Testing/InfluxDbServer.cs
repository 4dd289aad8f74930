using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Equipment.Testing;

/// <summary>
/// A private InfluxDB 1.x server (Debian's <c>influxd</c>) on free loopback ports with its data in a temp
/// folder, for tests and benchmarks. It can be killed and started again on the same data and port.
/// </summary>
public sealed class InfluxDbServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _config;
    private readonly HttpClient _http;
    private Process? _process;

    private InfluxDbServer(string folder, int port, int rpcPort)
    {
        _folder = folder;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        _config = Path.Combine(folder, "influxdb.conf");
        File.WriteAllText(_config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{folder}/meta"
            [data]
              dir = "{folder}/data"
              wal-dir = "{folder}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              bind-address = "127.0.0.1:{port}"
              log-enabled = false
            [logging]
              level = "warn"
              suppress-logo = true
            """);
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public string Url { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The influxd process id while it runs (the benchmarks read its CPU time from /proc).</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>Where the TSM files are (per database below it), for benchmarks that measure bytes on disk.</summary>
    public string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<InfluxDbServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "equipment-influx-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new InfluxDbServer(folder, FreePort.Next(), FreePort.Next());
        await server.StartAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        var binary = FindInfluxd();
        _process = Process.Start(new ProcessStartInfo(binary, ["-config", _config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("influxd did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {_process.ExitCode} at start (config {_config})");
            }

            try
            {
                using var ping = await _http.GetAsync("/ping");
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"influxd did not answer /ping on port {Port} within {timeout}");
    }

    /// <summary>SIGKILL, as a crash would: no flush, no goodbye.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    public async Task<JsonElement> QueryAsync(string database, string influxQl)
    {
        var form = new FormUrlEncodedContent([new("q", influxQl), new("db", database), new("epoch", "ns")]);
        using var response = await _http.PostAsync("/query", form);
        response.EnsureSuccessStatusCode();
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = doc.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxQL error: {error.GetString()} ({influxQl})");
        }

        return result;
    }

    /// <summary>The rows of the first series of a query, each row as column name → value.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> RowsAsync(string database, string influxQl)
    {
        var result = await QueryAsync(database, influxQl);
        var rows = new List<Dictionary<string, JsonElement>>();
        if (!result.TryGetProperty("series", out var series))
        {
            return rows;
        }

        foreach (var s in series.EnumerateArray())
        {
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            foreach (var values in s.GetProperty("values").EnumerateArray())
            {
                var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                var i = 0;
                foreach (var v in values.EnumerateArray())
                {
                    row[columns[i++]] = v.Clone();
                }

                if (s.TryGetProperty("tags", out var tags))
                {
                    foreach (var t in tags.EnumerateObject())
                    {
                        row[t.Name] = t.Value.Clone();
                    }
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Number of points of a measurement (counted on one field that every point of it carries).</summary>
    public async Task<long> CountAsync(string database, string measurement, string field)
    {
        var result = await QueryAsync(database, $"SELECT count(\"{field}\") FROM \"{measurement}\"");
        if (!result.TryGetProperty("series", out var series))
        {
            return 0;
        }

        return series[0].GetProperty("values")[0][1].GetInt64();
    }

    /// <summary>Writes line protocol straight to InfluxDB, as the raw baseline of the benchmarks does.</summary>
    public async Task WriteAsync(string database, ReadOnlyMemory<byte> lines, string precision = "ns")
    {
        using var content = new ReadOnlyMemoryContent(lines);
        using var response = await _http.PostAsync($"/write?db={database}&precision={precision}", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxDB write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task CreateDatabaseAsync(string database) =>
        await QueryAsync(database, $"CREATE DATABASE \"{database}\"");

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _process = null; // Kill() after dispose (e.g. from a Ctrl-C handler) must not throw
        _http.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindInfluxd()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(dir, "influxd");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("influxd not found: ./test.sh installs Debian's influxdb package");
    }

}
