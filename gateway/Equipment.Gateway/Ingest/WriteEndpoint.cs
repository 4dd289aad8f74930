using Equipment.Gateway.Spool;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Ingest;

/// <summary>
/// The InfluxDB-compatible write handler shared by <c>/api/v2/write</c> and <c>/write</c>: authenticate, read
/// (gzip), validate the whole body, then record it in the write-ahead spool; 204 once it is fsynced there
/// (the spool's deliverer takes it to the grains and InfluxDB, through outages and restarts).
/// </summary>
public sealed class WriteEndpoint(
    IngestParser parser,
    WriteAheadSpool spool,
    TokenStore tokens,
    ServedDatabases databases,
    IOptions<GatewayOptions> options,
    IngestStatistics statistics,
    TimeProvider time,
    ILogger<WriteEndpoint> logger)
{
    private readonly bool _acknowledgeStored = options.Value.AcknowledgeAfter == "Stored";
    private int _inFlight;

    public async Task<IResult> HandleAsync(HttpContext context, string precisionParameter, string databaseParameter)
    {
        var request = context.Request;
        var scope = tokens.Find(Credentials.Find(request));
        if (scope is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "unauthorized", "missing or unknown token");
        }

        if (databases.CheckWrite(request.Query[databaseParameter], databaseParameter) is { } refusal)
        {
            return refusal;
        }

        if (!Precision.TryParse(request.Query[precisionParameter], out var nsPerUnit))
        {
            // The contract's 400 always names a line; a request-level fault is reported against line 1.
            return LineError(StatusCodes.Status400BadRequest, "invalid", $"line 1: invalid precision '{request.Query[precisionParameter]}' (ns, us, ms, s)", 1);
        }

        var limits = options.Value;
        if (Interlocked.Increment(ref _inFlight) > limits.MaxConcurrentRequests)
        {
            Interlocked.Decrement(ref _inFlight);
            statistics.CountThrottled();
            context.Response.Headers.RetryAfter = "1";
            return Error(StatusCodes.Status429TooManyRequests, "too many requests", $"more than {limits.MaxConcurrentRequests} writes in progress");
        }

        byte[]? buffer = null;
        try
        {
            int length;
            try
            {
                (buffer, length) = await RequestBody.ReadAsync(request, limits.MaxBodyBytes, context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return LineError(StatusCodes.Status400BadRequest, "invalid", "line 1: body is not valid gzip", 1);
            }

            if (buffer is null)
            {
                return Error(StatusCodes.Status413PayloadTooLarge, "request too large", $"body over {limits.MaxBodyBytes} bytes");
            }

            var now = time.GetUtcNow();
            var receivedNs = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
            var result = parser.Parse(buffer.AsSpan(0, length), nsPerUnit, receivedNs, scope);
            switch (result.Outcome)
            {
                case IngestOutcome.Invalid:
                    statistics.CountRefused();
                    return LineError(StatusCodes.Status400BadRequest, "invalid", result.Error.Message, result.Error.Line);
                case IngestOutcome.Forbidden:
                    statistics.CountRefused();
                    return LineError(StatusCodes.Status403Forbidden, "forbidden", result.Error.Message, result.Error.Line);
            }

            RequestBody.Return(buffer);
            buffer = null;
            if (result.Points == 0)
            {
                return Results.NoContent();
            }

            var (record, recordLength) = SpoolRecord.Encode(result.Batches, now.ToUnixTimeMilliseconds());
            var append = spool.TryAppend(record, recordLength, result.Batches, now.ToUnixTimeMilliseconds(), result.Points);
            if (append is null)
            {
                // Bounded on disk: while InfluxDB or the silos are away long enough to fill it, devices keep their data.
                statistics.CountUnavailable();
                context.Response.Headers.RetryAfter = "10";
                return Error(StatusCodes.Status503ServiceUnavailable, "unavailable", "the gateway's spool is full; retry later");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(limits.RequestTimeoutSeconds));
            try
            {
                var end = await append.WaitAsync(timeout.Token);
                if (_acknowledgeStored)
                {
                    await spool.WaitDeliveredAsync(end, timeout.Token);
                }
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                // A record that made it to disk after all is still delivered: a device's retry of it is idempotent.
                statistics.CountUnavailable();
                logger.LogWarning("Write of {Points} points not acknowledged: {Message}", result.Points, e.Message);
                context.Response.Headers.RetryAfter = "5";
                return Error(StatusCodes.Status503ServiceUnavailable, "unavailable", "the points could not be recorded now; retry later");
            }

            statistics.Accepted(result.Points);
            return Results.NoContent();
        }
        finally
        {
            RequestBody.Return(buffer);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);

    private static IResult LineError(int status, string code, string message, int line) =>
        Results.Json(new { code, message, line }, statusCode: status);
}
