namespace Equipment.Dashboard.History;

public static class HistoryExtensions
{
    /// <summary>The InfluxDB query client (section <c>Influx</c>, EQUIPMENT_INFLUX_* variables win, as in the silo) and the rollup installer.</summary>
    public static IHostApplicationBuilder AddHistory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InfluxQueryOptions>()
            .Bind(builder.Configuration.GetSection(InfluxQueryOptions.Section))
            .Configure(o =>
            {
                o.Url = Environment.GetEnvironmentVariable("EQUIPMENT_INFLUX_URL") is { Length: > 0 } url ? url : o.Url;
                o.Database = Environment.GetEnvironmentVariable("EQUIPMENT_INFLUX_DATABASE") is { Length: > 0 } db ? db : o.Database;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient<InfluxQueryClient>();
        builder.Services.AddHostedService<RollupInstaller>();
        return builder;
    }
}
