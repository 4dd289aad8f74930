using Equipment.Grains.Hosting;
using Orleans.TestingHost;

namespace Equipment.Tests.Integration;

/// <summary>Gives the test cluster's silos the production grain setup and InfluxDB writer.</summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddEquipmentInflux(siloBuilder.Configuration);
        siloBuilder.AddEquipmentGrains();
    }
}
