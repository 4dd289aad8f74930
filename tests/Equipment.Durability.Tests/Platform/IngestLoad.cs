using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Equipment.Durability.Tests.Platform;

/// <summary>
/// Field devices in a loop: a few workers post small requests of truck points, every point with a timestamp
/// of its own, and record which points were acknowledged (204) and which were sent at all. Bounded: each
/// worker waits for its answer and pauses between requests.
/// </summary>
public sealed class IngestLoad : IAsyncDisposable
{
    private const int PointsPerRequest = 20;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private readonly HttpClient _http;
    private readonly string _fleet;
    private readonly long _baseNs;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly Lock _lock = new();
    private readonly List<long> _acked = [];
    private readonly List<long> _sent = [];
    private readonly Dictionary<string, int> _outcomes = [];
    private long _sequence;

    public IngestLoad(string gatewayUrl, string fleet, int workers = 4)
    {
        _http = new HttpClient { BaseAddress = new Uri(gatewayUrl), Timeout = TimeSpan.FromSeconds(20) };
        _fleet = fleet;
        // An hour back, 1 µs apart: unique, inside any retention, never in the future.
        _baseNs = (DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds() * 1_000_000L) + (Random.Shared.Next(1000) * 1_000_000L);
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            _workers.Add(Task.Run(() => RunAsync(worker)));
        }
    }

    public string Fleet => _fleet;

    public int AckedCount
    {
        get
        {
            lock (_lock)
            {
                return _acked.Count;
            }
        }
    }

    /// <summary>Timestamps (ns) of the acknowledged points.</summary>
    public HashSet<long> Acked()
    {
        lock (_lock)
        {
            return [.. _acked];
        }
    }

    /// <summary>Timestamps (ns) of every point sent, answered or not.</summary>
    public HashSet<long> Sent()
    {
        lock (_lock)
        {
            return [.. _sent];
        }
    }

    /// <summary>Answers so far: status codes, or the exception type when there was no answer.</summary>
    public Dictionary<string, int> Outcomes()
    {
        lock (_lock)
        {
            return new Dictionary<string, int>(_outcomes);
        }
    }

    /// <summary>Polls until <paramref name="count"/> points are acknowledged in total.</summary>
    public async Task WaitForAckedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AckedCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {AckedCount} of {count} points acknowledged within {timeout.TotalSeconds:F0} s; outcomes {Describe(Outcomes())}");
            }

            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
        _http.Dispose();
    }

    public static string Describe(Dictionary<string, int> outcomes) => string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}"));

    private async Task RunAsync(int worker)
    {
        var body = new StringBuilder();
        var times = new long[PointsPerRequest];
        while (!_stop.IsCancellationRequested)
        {
            body.Clear();
            for (var i = 0; i < PointsPerRequest; i++)
            {
                var sequence = Interlocked.Increment(ref _sequence);
                times[i] = _baseNs + (sequence * 1000);
                // Four machines per worker, so a request fans out to several grains (and silos).
                body.Append(CultureInfo.InvariantCulture, $"truck,id={_fleet}-{worker}-{i % 4},fleet={_fleet} odometer_km={sequence},speed_kmh=30 {times[i]}\n");
            }

            lock (_lock)
            {
                _sent.AddRange(times);
            }

            string outcome;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=equipment&bucket=equipment&precision=ns")
                {
                    Content = new StringContent(body.ToString(), Encoding.UTF8, "text/plain"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Token", DurablePlatform.DevToken);
                // Not cancelled by Stop: a request whose answer was cut off could have been spooled, and then it counts as sent, not acked.
                using var response = await _http.SendAsync(request);
                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    lock (_lock)
                    {
                        _acked.AddRange(times);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = e.GetType().Name;
            }

            lock (_lock)
            {
                _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
            }

            try
            {
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
