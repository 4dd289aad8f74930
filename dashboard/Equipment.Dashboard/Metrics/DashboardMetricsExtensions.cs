using Equipment.Contracts.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace Equipment.Dashboard.Metrics;

public static class DashboardMetricsExtensions
{
    public static IHostApplicationBuilder AddDashboardMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DashboardMetrics>();
        builder.Services.AddSingleton<HubConnectionCounter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubConnectionCounter>());
        builder.Services.AddEquipmentMetrics("equipment-dashboard", DashboardMetrics.MeterName);
        return builder;
    }

    /// <summary>Counts and times REST requests (<c>/api/…</c>), and serves <c>/metrics</c>.</summary>
    public static WebApplication UseDashboardMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<DashboardMetrics>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            var started = time.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                metrics.RestRequests.Add(1, new KeyValuePair<string, object?>("status", context.Response.StatusCode));
                metrics.RestDuration.Record(time.GetElapsedTime(started).TotalSeconds);
            }
        });
        app.MapEquipmentMetrics();
        return app;
    }
}
