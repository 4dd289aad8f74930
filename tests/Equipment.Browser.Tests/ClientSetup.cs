using Equipment.Contracts.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Equipment.Browser.Tests;

/// <summary>The test cluster's own client needs the same codecs for the domain types as the platform's clients.</summary>
public sealed class ClientSetup : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddSerializer(s => s.AddDomainTypes());
}
