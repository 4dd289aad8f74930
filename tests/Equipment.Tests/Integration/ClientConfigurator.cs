using Equipment.Contracts.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Equipment.Tests.Integration;

/// <summary>The test cluster's own client needs the same codecs as the platform's clients.</summary>
public sealed class ClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddSerializer(s => s.AddDomainTypes());
}
