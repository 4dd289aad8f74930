using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Equipment.Telemetry.Import;

namespace Equipment.Admin.Import;

/// <summary>
/// Sends an import's chunks to the gateway's <c>/write</c> like any device: a 400 names the refused line (the chunk
/// was not kept), 429/503 are waited out with their Retry-After, anything else stops the import.
/// </summary>
public sealed class GatewaySink(HttpClient http, string database, string token) : IImportSink
{
    private const int MaxWaits = 120;

    public async Task<ChunkOutcome> WriteAsync(ReadOnlyMemory<byte> lines, int lineCount, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/write?db={Uri.EscapeDataString(database)}&precision=ns")
            {
                Content = new ReadOnlyMemoryContent(lines),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return ChunkOutcome.Stored;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest && TryLine(body, out var line, out var message))
            {
                return ChunkOutcome.Refused(line, "gateway: " + message);
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < MaxWaits)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            return ChunkOutcome.Failed($"gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        }
    }

    private static bool TryLine(string body, out int line, out string message)
    {
        line = 0;
        message = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("line", out var l) && l.TryGetInt32(out line))
            {
                var text = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                // The gateway says "line N: reason" about the chunk; the importer reports the file's line itself.
                var colon = text.IndexOf(": ", StringComparison.Ordinal);
                message = text.StartsWith("line ", StringComparison.Ordinal) && colon > 0 ? text[(colon + 2)..] : text;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
