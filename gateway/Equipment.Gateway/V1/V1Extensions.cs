namespace Equipment.Gateway.V1;

public static class V1Extensions
{
    /// <summary>The rest of InfluxDB's v1 surface that clients touch before they write: <c>/query</c> and the v2 health check.</summary>
    public static WebApplicationBuilder AddInfluxV1(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueryEndpoint>();
        return builder;
    }

    public static WebApplication MapInfluxV1(this WebApplication app)
    {
        app.MapMethods("/query", ["GET", "POST"], (HttpContext context, QueryEndpoint endpoint) => endpoint.HandleAsync(context));

        // InfluxDB 1.8's /health shape (2.x serves the same at /api/v2/health, where v2 client libraries look for it).
        app.MapGet("/api/v2/health", () => Results.Json(new
        {
            name = "influxdb",
            message = "ready for queries and writes",
            status = "pass",
            checks = Array.Empty<object>(),
            version = Ingest.IngestEndpoints.InfluxVersion,
        }));
        return app;
    }
}
