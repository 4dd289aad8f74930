using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Equipment.Benchmarks;

/// <summary>Posts pre-built bodies and records each request's time to its 204.</summary>
public sealed class Poster : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _uri;
    private readonly AuthenticationHeaderValue? _auth;
    private static readonly MediaTypeHeaderValue TextPlain = new("text/plain") { CharSet = "utf-8" };

    public Poster(string url, string? token, int connections)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };
        _uri = new Uri(url);
        _auth = token is null ? null : new AuthenticationHeaderValue("Token", token);
    }

    /// <summary>Sends one body; returns milliseconds to the 204, throws on anything else.</summary>
    public async Task<double> PostAsync(byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = TextPlain;
        if (_auth is not null)
        {
            request.Headers.Authorization = _auth;
        }

        var start = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new InvalidOperationException($"POST {_uri.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}");
        }

        return ms;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Latencies of one run, merged from its workers.</summary>
public sealed class Latencies
{
    private readonly List<double> _all = [];

    public int Count => _all.Count;

    public void Add(Latencies other) => Add(other._all);

    public void Add(List<double> part)
    {
        lock (_all)
        {
            _all.AddRange(part);
        }
    }

    public double Percentile(double p)
    {
        if (_all.Count == 0)
        {
            return double.NaN;
        }

        _all.Sort();
        var rank = (int)Math.Ceiling(p / 100 * _all.Count) - 1;
        return _all[Math.Clamp(rank, 0, _all.Count - 1)];
    }
}

/// <summary>What one timed run measured, with the CPU each process spent during it.</summary>
public sealed record RunResult(string Name, long Points, int Requests, double Seconds, Latencies Latencies, IReadOnlyDictionary<string, double> CpuSeconds)
{
    public double PointsPerSecond => Points / Seconds;

    /// <summary>Rounds of the same run added up: points, requests, time, CPU; latencies merged.</summary>
    public static RunResult Sum(IReadOnlyList<RunResult> rounds)
    {
        var latencies = new Latencies();
        foreach (var r in rounds)
        {
            latencies.Add(r.Latencies);
        }

        var cpu = rounds[0].CpuSeconds.Keys.ToDictionary(k => k, k => rounds.Sum(r => r.CpuSeconds[k]));
        return new RunResult(rounds[0].Name, rounds.Sum(r => r.Points), rounds.Sum(r => r.Requests), rounds.Sum(r => r.Seconds), latencies, cpu);
    }
}

/// <summary>Samples CPU of the processes of interest around a run.</summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int> pids)
{
    /// <summary>Key of the whole machine's busy CPU time (all processes), from /proc/stat.</summary>
    public const string Machine = "(machine)";

    private Dictionary<string, double> _start = [];

    public void Start() => _start = Read();

    public Dictionary<string, double> Stop()
    {
        var end = Read();
        return end.ToDictionary(p => p.Key, p => p.Value - _start[p.Key]);
    }

    private Dictionary<string, double> Read()
    {
        var d = pids.ToDictionary(p => p.Key, p => Cpu.Seconds(p.Value));
        d[Machine] = Cpu.MachineBusySeconds();
        return d;
    }
}
