using System.Diagnostics.Metrics;
using System.Globalization;
using Equipment.Contracts.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Equipment.Tests.Integration;

/// <summary>
/// Two hosts in one process with meters of the same name (as the test suites run several gateways): each
/// <c>/metrics</c> shows only its own host's counts, and a host stopping does not move the other's counters.
/// </summary>
public sealed class MetricsIsolationTests
{
    private const string MeterName = "Equipment.Tests.Isolation";

    [Fact]
    public async Task Metrics_TwoHostsSameMeterNameOneStops_EachScrapeShowsOnlyItsOwnCountsAndTheyNeverGoBack()
    {
        await using var a = await StartAsync();
        var b = await StartAsync();
        Count(a, 5);
        Count(b, 1);

        (await ScrapeAsync(a)).Should().Be(5);
        (await ScrapeAsync(b)).Should().Be(1);

        await b.DisposeAsync();
        Count(a, 2);

        (await ScrapeAsync(a)).Should().Be(7);
    }

    private static void Count(WebApplication host, int n) =>
        host.Services.GetRequiredService<Counter<long>>().Add(n);

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddEquipmentMetrics("isolation-test", MeterName);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IMeterFactory>().Create(MeterName).CreateCounter<long>("isolation.requests"));
        var app = builder.Build();
        app.MapEquipmentMetrics();
        await app.StartAsync();
        return app;
    }

    private static async Task<double> ScrapeAsync(WebApplication host)
    {
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        // The exporter caches a scrape for a moment; wait it out rather than read a stale page.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        var text = await http.GetStringAsync("/metrics");
        var line = text.Split('\n').Single(l => l.StartsWith("isolation_requests_total", StringComparison.Ordinal));
        return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
