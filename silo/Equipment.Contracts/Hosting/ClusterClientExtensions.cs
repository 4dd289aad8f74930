using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace Equipment.Contracts.Hosting;

public static class ClusterClientExtensions
{
    /// <summary>Connects this process to the silo cluster as an Orleans client, per the <c>Cluster</c> section.</summary>
    public static IHostApplicationBuilder AddEquipmentClusterClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleansClient(client =>
        {
            if (options.Clustering == "redis")
            {
                // Gateways are discovered from the membership table, so clients follow silos as they come and go.
                client.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = options.ClusterId;
                    o.ServiceId = options.ServiceId;
                });
                client.UseRedisClustering(options.Redis);
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }

            client.Services.AddSerializer(s => s.AddDomainTypes());
            configure?.Invoke(client);
            var deadline = DateTime.UtcNow.AddSeconds(options.ConnectRetrySeconds);

            // Without a filter a missing silo makes the client retry for minutes; this fails start-up in seconds instead.
            client.UseConnectionRetryFilter(async (error, ct) =>
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                return true;
            });
        });
        return builder;
    }
}
