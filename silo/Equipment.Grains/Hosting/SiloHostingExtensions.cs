using Equipment.Contracts.Grains;
using Equipment.Contracts.Hosting;
using Equipment.Grains.Grains;
using Equipment.Grains.Influx;
using Equipment.Grains.Influx.Backfill;
using Equipment.Grains.Metrics;
using Equipment.Contracts.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Equipment.Grains.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The whole silo: InfluxDB writer, Orleans with the equipment grains, clustering per the <c>Cluster</c> section.</summary>
    public static IHostApplicationBuilder AddEquipmentSilo(this IHostApplicationBuilder builder)
    {
        // Registered before Orleans so it stops after the silo: grains still flushing on shutdown find it running.
        builder.Services.AddEquipmentInflux(builder.Configuration);
        builder.Services.AddEquipmentMetrics("equipment-silo", SiloMetrics.MeterName, "Microsoft.Orleans");
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            if (cluster.Clustering == "redis")
            {
                silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                silo.ConfigureEndpoints(System.Net.IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
                silo.UseRedisClustering(cluster.Redis);

                // A small cluster: one survivor's vote is enough to declare a dead silo dead (with two silos there is
                // no second voter), and probes fail fast, so a killed silo's grains move on in seconds.
                silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(o =>
                {
                    o.NumVotesForDeathDeclaration = 1;
                    o.ProbeTimeout = TimeSpan.FromSeconds(2);
                    o.NumMissedProbesLimit = 3;
                });
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            }

            silo.AddEquipmentGrains(cluster);
        });
        return builder;
    }

    /// <summary>The silo's only HTTP: <c>/metrics</c> on <see cref="MetricsOptions"/>' address and port.</summary>
    public static WebApplicationBuilder AddSiloMetricsEndpoint(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Parse(options.Address), options.Port));
        return builder;
    }

    /// <summary>What a silo needs for the equipment grains, apart from clustering (which a test cluster brings).</summary>
    public static ISiloBuilder AddEquipmentGrains(this ISiloBuilder silo, ClusterOptions cluster)
    {
        if (cluster.Storage == "redis")
        {
            silo.Services.AddRedisGrainStorage(EquipmentStorage.Name, o => o.Configure<Serializer>((redis, serializer) =>
            {
                redis.ConfigurationOptions = ConfigurationOptions.Parse(cluster.Redis);
                // Orleans' own serializer (with the JSON codec for domain types) rather than the provider's Newtonsoft default.
                redis.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }
        else
        {
            silo.AddMemoryGrainStorage(EquipmentStorage.Name);
        }

        // Deactivated twins that still have something time-based due (offline, run end) leave a reminder.
        if (cluster.Storage == "redis")
        {
            silo.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(cluster.Redis));
        }
        else
        {
            silo.UseInMemoryReminderService();
        }

        var twins = silo.Configuration.GetSection(TwinOptions.Section).Get<TwinOptions>() ?? new TwinOptions();
        silo.Services.AddOptions<TwinOptions>().BindConfiguration(TwinOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Configure<Orleans.Configuration.GrainCollectionOptions>(o =>
        {
            // Idle twins go away (their state is saved on the way out), so idle cost follows traffic, not fleet size.
            o.ClassSpecificCollectionAge[typeof(TruckGrain).FullName!] = TimeSpan.FromMinutes(twins.IdleMinutes);
            o.ClassSpecificCollectionAge[typeof(TbmGrain).FullName!] = TimeSpan.FromMinutes(twins.IdleMinutes);
        });

        silo.Services.AddSerializer(s => s.AddDomainTypes());

        // Orleans' own dashboard (silos, grains, calls) for the platform's operators; the dashboard process serves it.
        silo.AddDashboard();
        silo.Services.AddOptions<AlertRuleSettings>().BindConfiguration(AlertRuleSettings.Section);

        // Call counting only when asked for (the scale benchmark's --silos mode).
        if (silo.Configuration.GetSection(DiagnosticsOptions.Section).Get<DiagnosticsOptions>()?.CallCountsFile is { Length: > 0 })
        {
            silo.Services.AddOptions<DiagnosticsOptions>().BindConfiguration(DiagnosticsOptions.Section);
            silo.Services.AddSingleton<CallCounter>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<CallCounter>());
            silo.Services.AddHostedService(sp => sp.GetRequiredService<CallCounter>());
        }
        return silo;
    }

    /// <summary>The silo-wide batching InfluxDB writer, bound to the <c>Influx</c> section and the EQUIPMENT_INFLUX_* variables.</summary>
    public static IServiceCollection AddEquipmentInflux(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InfluxOptions>()
            .Bind(configuration.GetSection(InfluxOptions.Section))
            .Configure(o =>
            {
                o.Url = Environment.GetEnvironmentVariable("EQUIPMENT_INFLUX_URL") is { Length: > 0 } url ? url : o.Url;
                o.Database = Environment.GetEnvironmentVariable("EQUIPMENT_INFLUX_DATABASE") is { Length: > 0 } db ? db : o.Database;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<InfluxHttp>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 64,
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LateLineTracker>(_ => new LateLineTracker());
        services.AddSingleton<RollupBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<RollupBackfill>());
        services.AddMetrics();
        services.AddSingleton<SiloMetrics>();
        services.AddSingleton<InfluxBatchWriter>();
        services.AddSingleton<ITelemetryWriter>(sp => sp.GetRequiredService<InfluxBatchWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<InfluxBatchWriter>());
        return services;
    }
}
