using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Equipment.Contracts.Metrics;

/// <summary>
/// One OpenTelemetry setup for every process: the process's meters, Prometheus text at <c>/metrics</c>, and OTLP
/// as well when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the standard OTEL_* variables).
/// </summary>
public static class MetricsExtensions
{
    /// <summary>Histogram buckets for durations in seconds (OpenTelemetry's default ones are for milliseconds).</summary>
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    /// <summary>Sizes (points, records per batch).</summary>
    private static readonly double[] SizeBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

    public static IServiceCollection AddEquipmentMetrics(this IServiceCollection services, string serviceName, params string[] meters)
    {
        services.AddMetrics();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m =>
            {
                m.AddMeter(meters);
                ((IDeferredMeterProviderBuilder)m).Configure((sp, b) =>
                {
                    // The SDK listens to meters by name process-wide; a meter made by another host's IMeterFactory (two
                    // gateways in one test process) is not ours, and merging it would make our counters jump back
                    // when that host stops.
                    var ours = sp.GetRequiredService<IMeterFactory>();
                    b.AddView(instrument => instrument switch
                    {
                        { Meter.Scope: { } scope } when !ReferenceEquals(scope, ours) => MetricStreamConfiguration.Drop,
                        { Unit: "s" } => new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets },
                        { Unit: "{point}" or "{record}" } => new ExplicitBucketHistogramConfiguration { Boundaries = SizeBuckets },
                        _ => null,
                    });
                });
                m.AddPrometheusExporter();
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
                {
                    m.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>Prometheus text exposition at <c>/metrics</c>; anonymous like <c>/stats</c> (counters only), so a scraper needs no user.</summary>
    public static IEndpointConventionBuilder MapEquipmentMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
}
