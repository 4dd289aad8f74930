using Equipment.Contracts.Hosting;
using Equipment.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Equipment.Browser.Tests;

/// <summary>Gives the test cluster's silos the production grain setup and InfluxDB writer (as Equipment.Tests does).</summary>
public sealed class SiloSetup : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddEquipmentInflux(siloBuilder.Configuration);
        var cluster = siloBuilder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        siloBuilder.AddEquipmentGrains(cluster);
    }
}
