using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Equipment.Grains.Influx;

/// <summary>The few InfluxDB v1 HTTP calls the silo makes: write line protocol, run an InfluxQL statement.</summary>
public sealed class InfluxHttp
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly Uri _writeUri;

    public InfluxHttp(HttpClient http, IOptions<InfluxOptions> options)
    {
        _http = http;
        _options = options.Value;
        var baseUri = _options.Url.TrimEnd('/');
        var rp = string.IsNullOrEmpty(_options.RetentionPolicy) ? "" : "&rp=" + Uri.EscapeDataString(_options.RetentionPolicy);
        _writeUri = new Uri($"{baseUri}/write?db={Uri.EscapeDataString(_options.Database)}{rp}&precision=ns");
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public InfluxOptions Options => _options;

    /// <summary>Writes nanosecond line protocol; throws <see cref="InfluxWriteException"/> on a refusal.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = new ReadOnlyMemoryContent(lines) };
        Authorize(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var retryable = response.StatusCode is not HttpStatusCode.BadRequest;
        throw new InfluxWriteException(response.StatusCode, body.Length > 500 ? body[..500] : body, retryable);
    }

    /// <summary>Runs an InfluxQL statement with POST (needed for CREATE/DROP) and returns the JSON body.</summary>
    public async Task<string> QueryAsync(string influxQl, CancellationToken cancellationToken, string? database = null)
    {
        var db = database ?? _options.Database;
        var form = new FormUrlEncodedContent([new("q", influxQl), new("db", db), new("epoch", "ns")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url.TrimEnd('/') + "/query") { Content = form };
        Authorize(request);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InfluxWriteException(response.StatusCode, body, response.StatusCode != HttpStatusCode.BadRequest);
        }

        return body;
    }

    public Task EnsureDatabaseAsync(CancellationToken cancellationToken) =>
        QueryAsync($"CREATE DATABASE \"{_options.Database.Replace("\"", "\\\"", StringComparison.Ordinal)}\"", cancellationToken);

    private void Authorize(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", _options.Token);
        }
        else if (!string.IsNullOrEmpty(_options.Username))
        {
            var raw = Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }
    }
}
