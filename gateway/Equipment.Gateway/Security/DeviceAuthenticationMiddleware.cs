using System.Globalization;
using System.Threading.RateLimiting;
using Equipment.Contracts.Security;
using Equipment.Gateway.Ingest;

namespace Equipment.Gateway.Security;

/// <summary>
/// In front of the write endpoints: resolves the presented token (401 when missing, unknown or revoked) and applies
/// the per-token rate limit (429 with Retry-After; not for the development token). It runs as middleware because the registry lookup is
/// asynchronous while the write handler's token check is not; the handler's own concurrency limit stays as it was.
/// </summary>
public sealed class DeviceAuthenticationMiddleware(
    RequestDelegate next,
    TokenStore tokens,
    DeviceRateLimiter limiter,
    IngestStatistics statistics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsWrite(context.Request))
        {
            await next(context);
            return;
        }

        var token = Credentials.Find(context.Request);
        var hash = string.IsNullOrEmpty(token) ? null : SecretHash.Of(token);
        if (hash is null || await tokens.ResolveAsync(hash, context.RequestAborted) is null)
        {
            await Results.Json(new { code = "unauthorized", message = "missing or unknown token" }, statusCode: StatusCodes.Status401Unauthorized)
                .ExecuteAsync(context);
            return;
        }

        using var lease = tokens.IsDevToken(hash) ? null : limiter.Acquire(hash);
        if (lease is { IsAcquired: false })
        {
            statistics.CountThrottled();
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
            context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
            await Results.Json(new { code = "too many requests", message = "this token's write rate limit is exceeded" }, statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsWrite(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.Equals("/write", StringComparison.Ordinal) || request.Path.Equals("/api/v2/write", StringComparison.Ordinal));
}
