using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Ingest;

/// <summary>
/// The one InfluxDB database the gateway serves (and its aliases). Writes and queries naming another get the answer
/// InfluxDB itself gives, so a misconfigured client fails loudly instead of having its data land somewhere unexpected.
/// </summary>
public sealed class ServedDatabases(IOptions<GatewayOptions> options)
{
    public string Database { get; } = options.Value.Database;

    /// <summary>The database first, then its aliases, as <c>SHOW DATABASES</c> lists them.</summary>
    public IReadOnlyList<string> Names { get; } = [options.Value.Database, .. options.Value.DatabaseAliases.Where(a => a != options.Value.Database).Distinct(StringComparer.Ordinal)];

    public bool IsServed(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// Null when a write may go on. <c>/write</c> without <c>db</c> is 400 <c>database is required</c> (InfluxDB 1.x);
    /// <c>/api/v2/write</c> without <c>bucket</c> is taken as the served database, as the platform always did;
    /// a <c>bucket</c> of the form <c>db/rp</c> is judged by its database.
    /// </summary>
    public IResult? CheckWrite(string? name, string parameter)
    {
        if (string.IsNullOrEmpty(name))
        {
            return parameter == "db" ? InfluxError(StatusCodes.Status400BadRequest, "database is required") : null;
        }

        var slash = parameter == "bucket" ? name.IndexOf('/', StringComparison.Ordinal) : -1;
        var database = slash >= 0 ? name[..slash] : name;
        return IsServed(database) ? null : InfluxError(StatusCodes.Status404NotFound, $"database not found: \"{database}\"");
    }

    /// <summary>InfluxDB's request-level error: <c>{"error":"…"}</c> and the same text in <c>X-Influxdb-Error</c>.</summary>
    public static IResult InfluxError(int status, string message) => new InfluxErrorResult(status, message);

    private sealed class InfluxErrorResult(int status, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["X-Influxdb-Error"] = message;
            return Results.Json(new { error = message }, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}
