using System.Globalization;
using System.Text;

namespace Equipment.Browser.Tests;

/// <summary>
/// A platform of its own holding a fleet-sized registry: <see cref="Trucks"/> trucks in 20 fleets and <see cref="Tbms"/>
/// TBMs at 4 sites, each registered by one point posted through the real gateway (as a device's first report does).
/// </summary>
public sealed class FleetScaleFixture : BrowserPlatformFixture
{
    public const int Trucks = 20_000;

    public const int Tbms = 40;

    public const int LinesPerRequest = 500;

    public TimeSpan RegistrationTime { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var lines = Enumerable.Range(0, Trucks)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"truck,id=fleet-truck-{i:00000},fleet=f{i % 20:00} soc_pct={20 + (i % 80)},speed_kmh=0,odometer_km={i} {ms}\n"))
            .Concat(Enumerable.Range(0, Tbms).Select(i => string.Create(CultureInfo.InvariantCulture, $"tbm,id=fleet-tbm-{i:000},site=s{i % 4} thrust_kn={11000 + i},torque_knm=1500,chainage_m={100 + i} {ms}\n")))
            .ToList();
        for (var i = 0; i < lines.Count; i += LinesPerRequest)
        {
            var body = new StringBuilder();
            foreach (var line in lines.Skip(i).Take(LinesPerRequest))
            {
                body.Append(line);
            }

            // As a device does: a 503 or 429 (a silo busy activating thousands of twins on this shared machine) is retried.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await PostLinesAsync(body.ToString());
                    break;
                }
                catch (InvalidOperationException e) when (attempt < 10 && (e.Message.Contains("503", StringComparison.Ordinal) || e.Message.Contains("429", StringComparison.Ordinal)))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2 * attempt));
                }
            }
        }

        RegistrationTime = clock.Elapsed;
    }
}
