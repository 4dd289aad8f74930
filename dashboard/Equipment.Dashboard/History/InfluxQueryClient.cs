using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Equipment.Dashboard.History;

/// <summary>InfluxDB's v1 <c>/query</c> endpoint (served by 1.x, and by 2.x/3.x as their compatibility API).</summary>
public sealed class InfluxQueryClient
{
    private readonly HttpClient _http;
    private readonly InfluxQueryOptions _options;

    public InfluxQueryClient(HttpClient http, IOptions<InfluxQueryOptions> options)
    {
        _options = options.Value;
        _http = http;
        _http.BaseAddress = new Uri(_options.Url);
        _http.Timeout = TimeSpan.FromSeconds(_options.RequestTimeoutSeconds);
        if (_options.Token is { Length: > 0 } token)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        }
        else if (_options.Username is { Length: > 0 } user)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_options.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    public string Database => _options.Database;

    /// <summary>Runs one statement (POST, so DDL works too) and returns its result object; times in epoch ms.</summary>
    public Task<JsonElement> QueryAsync(string influxQl, CancellationToken cancellationToken) =>
        QueryAsync(influxQl, "ms", cancellationToken);

    /// <summary>As <see cref="QueryAsync(string, CancellationToken)"/> with times in <paramref name="epoch"/> (<c>ns</c>, <c>ms</c>, …).</summary>
    public async Task<JsonElement> QueryAsync(string influxQl, string epoch, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([new("q", influxQl), new("db", _options.Database), new("epoch", epoch)]);
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync("/query", form, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxQueryException($"InfluxDB unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxQueryException("InfluxDB query timed out", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement doc;
            try
            {
                doc = JsonDocument.Parse(body).RootElement;
            }
            catch (JsonException)
            {
                throw new InfluxQueryException($"InfluxDB answered {(int)response.StatusCode}: {body}");
            }

            if (doc.TryGetProperty("error", out var topError))
            {
                throw new InfluxQueryException(topError.GetString() ?? "InfluxDB error");
            }

            var result = doc.GetProperty("results")[0];
            if (result.TryGetProperty("error", out var error))
            {
                throw new InfluxQueryException(error.GetString() ?? "InfluxQL error");
            }

            return result;
        }
    }

    /// <summary>
    /// Writes line protocol (nanosecond timestamps) to the database: only for what the dashboard itself records (operators'
    /// stop-reason assignments, stored day summaries of time use); telemetry goes through the gateway.
    /// </summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(lines);
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync($"/write?db={Uri.EscapeDataString(_options.Database)}&precision=ns", content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxQueryException($"InfluxDB unreachable: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxQueryException("InfluxDB write timed out", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InfluxQueryException($"InfluxDB refused the write ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>Quotes an identifier for InfluxQL.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Quotes a string literal for InfluxQL (tag values in WHERE).</summary>
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
