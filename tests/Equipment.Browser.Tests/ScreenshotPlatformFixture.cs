namespace Equipment.Browser.Tests;

/// <summary>
/// A platform of its own with a realistic fleet (two TBMs at a deep mine, three trucks on the G318) and a few alerts,
/// so the screenshots show a plausible day rather than the random machines of the other tests.
/// </summary>
public sealed class ScreenshotPlatformFixture : BrowserPlatformFixture
{
    public static readonly (string Id, string Name, string Site, int Seed, double ChainageM)[] Tbms =
    [
        ("tbm-01", "TBM-01 Jinping West drive", "jinping-deep", 11, 4_812),
        ("tbm-02", "TBM-02 Jinping East drive", "jinping-deep", 12, 3_905),
    ];

    public static readonly (string Id, string Name, int Seed, double StartKm, double SocPct)[] Trucks =
    [
        ("truck-07", "E-Truck 07 · Litang run", 21, 600, 94),
        ("truck-12", "E-Truck 12 · Batang run", 22, 720, 90),
        ("truck-15", "E-Truck 15 · Mila Pass run", 23, 1_780, 92),
    ];

    public const string Fleet = "g318-express";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        var from = now.AddHours(-5.5);
        foreach (var t in Tbms)
        {
            await TelemetrySeeder.RegisterAsync(Dashboard, t.Id, "tbm", t.Name, t.Site);
            await TelemetrySeeder.PostAsync(this, TelemetrySeeder.Tbm(t.Id, t.Site, from, now, t.Seed, t.ChainageM, TimeSpan.FromSeconds(10)));
        }

        foreach (var t in Trucks)
        {
            await TelemetrySeeder.RegisterAsync(Dashboard, t.Id, "truck", t.Name, Fleet);
            await TelemetrySeeder.PostAsync(this, TelemetrySeeder.Truck(t.Id, Fleet, from, now, t.Seed, t.StartKm, t.SocPct, TimeSpan.FromSeconds(10)));
        }

        // A hot main bearing on TBM-02 (critical) and a hot inverter on truck 12 (major, then acknowledged).
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await PostLinesAsync($"tbm,id=tbm-02,site=jinping-deep main_bearing_temp_c=78.4 {ms}\n");
        await PostLinesAsync($"truck,id=truck-12,fleet={Fleet} inverter_temp_c=88.6 {ms}\n");
    }
}
