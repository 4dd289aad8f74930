using Equipment.Contracts.Hosting;
using Equipment.Contracts.Metrics;
using Equipment.Gateway.Gbt32960;
using Equipment.Gateway.Metrics;
using Equipment.Gateway.Spool;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;
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
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<IngestStatistics>();
        builder.Services.AddEquipmentMetrics("equipment-gateway", GatewayMetrics.MeterName);
        builder.Services.AddSingleton<TokenStore>();
        builder.Services.AddSingleton<ServedDatabases>();
        builder.Services.AddSingleton<WriteEndpoint>();
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            // Relative to the working directory, not the content root: that is the bin folder, which a clean or rebuild may wipe.
            var directory = Path.GetFullPath(o.SpoolDirectory);
            var spool = new WriteAheadSpool(directory, o.MaxSpoolBytes, o.SpoolSegmentBytes, sp.GetRequiredService<ILogger<WriteAheadSpool>>(), sp.GetRequiredService<TimeProvider>());
            sp.GetRequiredService<GatewayMetrics>().Observe(spool);
            return spool;
        });
        // Opens (and recovers) the spool at start, before the first request, and delivers it from then on.
        builder.Services.AddHostedService<SpoolDeliverer>();
        return builder;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapPost("/api/v2/write", (HttpContext context, WriteEndpoint endpoint) => endpoint.HandleAsync(context, "precision", "bucket"));
        app.MapPost("/write", (HttpContext context, WriteEndpoint endpoint) => endpoint.HandleAsync(context, "precision", "db"));
        app.MapMethods("/ping", ["GET", "HEAD"], (HttpContext context) =>
        {
            context.Response.Headers["X-Influxdb-Version"] = InfluxVersion;
            context.Response.Headers["X-Influxdb-Build"] = "OSS";

            // InfluxDB 1.8 answers ?verbose=true with 200 and its version; clients use it as a richer liveness check.
            return context.Request.Query["verbose"] is [{ } v] && v is "true" or "1"
                ? Results.Json(new { version = InfluxVersion })
                : Results.NoContent();
        });
        // Ready means writes can be accepted durably: the spool is writable. The cluster is reported but not
        // required, because the spool carries writes through a silo or InfluxDB outage.
        app.MapGet("/health", async (IGrainFactory grains, WriteAheadSpool spool) =>
        {
            var cluster = await ClusterHealth.IsReachableAsync(grains, TimeSpan.FromSeconds(2));
            return spool.IsWritable && Directory.Exists(spool.Directory)
                ? Results.Json(new { status = "ready", cluster = cluster ? "reachable" : "unreachable" })
                : Results.Json(new { status = "unavailable", cluster = cluster ? "reachable" : "unreachable", spool = spool.Status().Error ?? "spool directory missing" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        // Ingest and delivery figures are a view of the same instruments /metrics exports.
        app.MapGet("/stats", (IngestStatistics s, WriteAheadSpool spool, GatewayMetrics m, Gbt32960Statistics gbt, SpoolBatcher batcher) => Results.Json(new
        {
            s.Points,
            s.Requests,
            s.Refused,
            s.Throttled,
            s.Unavailable,
            Spool = spool.Status(),
            DeliveryRetries = m.Totals.Sum(GatewayMetrics.DeliveryRetriesName),
            Delivery = new
            {
                Records = m.Totals.Count(GatewayMetrics.DeliveryLagName),
                Batches = m.Totals.Count(GatewayMetrics.DeliveryBatchPointsName),
                LagP50Seconds = m.Totals.Quantile(GatewayMetrics.DeliveryLagName, 0.5),
                LagP99Seconds = m.Totals.Quantile(GatewayMetrics.DeliveryLagName, 0.99),
                GrainCalls = m.Totals.Count(GatewayMetrics.GrainCallDurationName),
                GrainCallP99Seconds = m.Totals.Quantile(GatewayMetrics.GrainCallDurationName, 0.99),
            },
            Gbt32960 = new
            {
                gbt.Connections, gbt.Open, gbt.Logins, gbt.Refused, gbt.Replaced, gbt.FramesRealtime, gbt.FramesResent,
                gbt.BadFrames, gbt.Undecryptable, gbt.Bytes, gbt.Points, SpoolRecords = batcher.Records,
            },
        }));
        app.MapEquipmentMetrics();
        return app;
    }
}
