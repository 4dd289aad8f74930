using Equipment.Contracts.Hosting;
using Equipment.Telemetry.Ingest;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Equipment.Gateway.Ingest;

public static class IngestEndpoints
{
    /// <summary>The version InfluxDB clients see at /ping; they only check that it is there.</summary>
    public const string InfluxVersion = "1.8.10";

    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.Section)
            .Configure(o => o.DevToken = Environment.GetEnvironmentVariable("EQUIPMENT_DEV_TOKEN") is { Length: > 0 } t ? t : o.DevToken)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var limit = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>()?.MaxBodyBytes ?? new GatewayOptions().MaxBodyBytes;
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = limit + 1);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FieldTypeRegistry>();
        builder.Services.AddSingleton<IngestParser>();
        builder.Services.AddSingleton<IngestDispatcher>();
        builder.Services.AddSingleton<IngestStatistics>();
        builder.Services.AddSingleton<TokenStore>();
        builder.Services.AddSingleton<WriteEndpoint>();
        return builder;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapPost("/api/v2/write", (HttpContext context, WriteEndpoint endpoint) => endpoint.HandleAsync(context, "precision"));
        app.MapPost("/write", (HttpContext context, WriteEndpoint endpoint) => endpoint.HandleAsync(context, "precision"));
        app.MapMethods("/ping", ["GET", "HEAD"], (HttpContext context) =>
        {
            context.Response.Headers["X-Influxdb-Version"] = InfluxVersion;
            context.Response.Headers["X-Influxdb-Build"] = "OSS";
            return Results.NoContent();
        });
        app.MapGet("/health", async (IGrainFactory grains) =>
            await ClusterHealth.IsReachableAsync(grains, TimeSpan.FromSeconds(2))
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/stats", (IngestStatistics s) => Results.Json(new { s.Points, s.Requests, s.Refused, s.Throttled, s.Unavailable }));
        return app;
    }
}
