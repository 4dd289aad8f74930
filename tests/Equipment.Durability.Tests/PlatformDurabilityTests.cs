using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Equipment.Durability.Tests.Platform;
using Xunit.Abstractions;

namespace Equipment.Durability.Tests;

/// <summary>
/// A 204 from the gateway means the points reach InfluxDB: shown on the real processes by killing InfluxDB,
/// a silo and the gateway itself under steady ingest, and by filling a small spool during an outage.
/// </summary>
public sealed class PlatformDurabilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Write_InfluxDbKilledUnderIngest_AcknowledgesDuringOutageAndStoresEveryAckedPointOnce()
    {
        await using var platform = await DurablePlatform.StartAsync(silos: 1);
        await using var load = new IngestLoad(platform.GatewayUrl, "influx-outage");
        await load.WaitForAckedAsync(400, AckTimeout);

        platform.Influx.Kill();
        var outage = Stopwatch.StartNew();
        var before = load.Outcomes();
        var ackedAtKill = load.AckedCount;
        await load.WaitForAckedAsync(ackedAtKill + 800, AckTimeout);
        // The outage itself lasts 15 s whatever the load does: long enough for the silo's writer to give up its retries.
        var rest = TimeSpan.FromSeconds(15) - outage.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        var during = Subtract(load.Outcomes(), before);
        var spooled = (await platform.SpoolStatsAsync()).GetProperty("bytes").GetInt64();
        await platform.Influx.StartAsync(TimeSpan.FromSeconds(30));
        await load.WaitForAckedAsync(load.AckedCount + 400, AckTimeout);
        await load.StopAsync();

        output.WriteLine($"outage {outage.Elapsed.TotalSeconds:F1} s; answers during it: {IngestLoad.Describe(during)}; spooled then {spooled} bytes; acked {load.AckedCount}");
        during.Keys.Should().Equal(["204"], "the gateway spools while InfluxDB is down instead of refusing");
        spooled.Should().BePositive("points acknowledged during the outage wait in the spool");
        await AssertEveryAckedPointStoredOnceAsync(platform, load, exact: true);
    }

    [Fact]
    public async Task Write_SiloKilledUnderIngest_KeepsAcknowledgingStoresEveryAckedPointAndKeepsAlertState()
    {
        await using var platform = await DurablePlatform.StartAsync(silos: 2);
        await using var load = new IngestLoad(platform.GatewayUrl, "silo-crash");
        await load.WaitForAckedAsync(2000, AckTimeout);

        // One of the load's trucks overheats; its alert is acknowledged before the kill, so the silo that dies holds it.
        const string alertTruck = "silo-crash-0-0";
        (await PostAsync(platform, $"truck,id={alertTruck},fleet=silo-crash battery_temp_c=60\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var alertId = (await AlertRowAsync(platform, alertTruck, "raised"))["alert_id"].GetString()!;
        var acknowledged = await platform.WithClientAsync(c => c.GetGrain<Equipment.Contracts.Grains.ITruckGrain>(alertTruck).Acknowledge(alertId, "operator-1"));
        acknowledged.Should().NotBeNull();

        // Kill the silo that hosts that truck (and so load): killing an idle silo would prove nothing.
        var busy = await platform.SiloHostingAsync(alertTruck);
        var activations = await platform.ActivationsPerSiloAsync("truck");
        output.WriteLine($"truck grain activations per silo: {string.Join(", ", activations)}; {alertTruck} on silo {busy + 1}");
        activations[busy].Should().BePositive();

        platform.Silo(busy).Kill();
        var ackedAtKill = load.AckedCount;
        // Ingest goes on for 20 s after the kill: the dead silo is declared dead (~15 s) meanwhile and its grains move.
        var afterKill = Stopwatch.StartNew();
        await load.WaitForAckedAsync(ackedAtKill + 400, AckTimeout);
        await Task.Delay(TimeSpan.FromSeconds(20) - afterKill.Elapsed);
        await load.StopAsync();

        var outcomes = load.Outcomes();
        var retries = (await platform.StatsAsync()).GetProperty("deliveryRetries").GetInt64();
        output.WriteLine($"killed silo {busy + 1}; acked {ackedAtKill} before the kill, {load.AckedCount} in all; answers: {IngestLoad.Describe(outcomes)}; grain calls retried {retries}");
        outcomes.Keys.Should().Equal(["204"], "a silo's death does not reach the devices");
        await AssertEveryAckedPointStoredOnceAsync(platform, load, exact: true);
        var after = await platform.ActivationsPerSiloAsync("truck");
        output.WriteLine($"truck grain activations per silo after delivery: {string.Join(", ", after)}; grain calls retried {(await platform.StatsAsync()).GetProperty("deliveryRetries").GetInt64()}");
        after[1 - busy].Should().BePositive("the killed silo's grains took the points on the surviving silo");

        // The truck's twin came back on the survivor from Redis with its acknowledged alert: cooling clears that very alert.
        (await PostAsync(platform, $"truck,id={alertTruck},fleet=silo-crash battery_temp_c=40\n")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cleared = await AlertRowAsync(platform, alertTruck, "cleared");
        cleared["alert_id"].GetString().Should().Be(alertId);
        cleared["by"].GetString().Should().Be("operator-1", "the acknowledgement survived the silo's death");
    }

    /// <summary>Waits for the <paramref name="transition"/> of a truck's battery-temperature alert in InfluxDB's <c>alert</c> measurement.</summary>
    private static async Task<Dictionary<string, System.Text.Json.JsonElement>> AlertRowAsync(DurablePlatform platform, string truck, string transition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = await platform.Influx.RowsAsync(DurablePlatform.Database, $"SELECT transition, alert_id, \"by\" FROM alert WHERE id = '{truck}' AND rule = 'battery-temp-high'");
            var row = rows.LastOrDefault(r => r["transition"].GetString() == transition);
            if (row is not null)
            {
                return row;
            }

            if (clock.Elapsed > DeliveryTimeout)
            {
                throw new TimeoutException($"no '{transition}' alert for {truck} in InfluxDB within {DeliveryTimeout}");
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Write_GatewayKilledWithUndeliveredSpool_ReplaysItAfterRestartAndStoresEveryAckedPointOnce()
    {
        await using var platform = await DurablePlatform.StartAsync(silos: 1);
        await using var load = new IngestLoad(platform.GatewayUrl, "gateway-crash");
        await load.WaitForAckedAsync(400, AckTimeout);

        // InfluxDB down first, so the spool holds acknowledged points that only a replay can deliver.
        platform.Influx.Kill();
        await load.WaitForAckedAsync(load.AckedCount + 800, AckTimeout);
        var spooled = (await platform.SpoolStatsAsync()).GetProperty("bytes").GetInt64();
        platform.KillGateway();
        var ackedBeforeCrash = load.Acked();

        await platform.Influx.StartAsync(TimeSpan.FromSeconds(30));
        await platform.StartGatewayAsync();
        await load.WaitForAckedAsync(ackedBeforeCrash.Count + 400, AckTimeout);
        await load.StopAsync();

        output.WriteLine($"spooled {spooled} bytes at the crash; acked {ackedBeforeCrash.Count} before it, {load.AckedCount} in all; answers: {IngestLoad.Describe(load.Outcomes())}");
        spooled.Should().BePositive();
        await AssertEveryAckedPointStoredOnceAsync(platform, load, exact: false);
        var stored = await StoredPoints.ByTimeAsync(platform.Influx, load.Fleet);
        ackedBeforeCrash.Except(stored.Keys).Should().BeEmpty("the restarted gateway replays what the killed one had acknowledged");
    }

    [Fact]
    public async Task Write_SpoolFullWhileInfluxDbDown_Returns503WithRetryAfterAndStoresEveryAckedPointAfterRecovery()
    {
        const long maxSpoolBytes = 64 * 1024;
        await using var platform = await DurablePlatform.StartAsync(silos: 1, new() { ["Gateway:MaxSpoolBytes"] = maxSpoolBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        platform.Influx.Kill();

        var acked = new HashSet<long>();
        HttpResponseMessage? refused = null;
        var baseNs = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds() * 1_000_000L;
        for (var request = 0; request < 1000 && refused is null; request++)
        {
            var times = Enumerable.Range(0, 20).Select(i => baseNs + (((request * 20) + i) * 1000L)).ToArray();
            var response = await PostAsync(platform, string.Concat(times.Select(t => $"truck,id=full-{t % 4},fleet=spool-full odometer_km=1,speed_kmh=2 {t}\n")));
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                acked.UnionWith(times);
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        using (refused)
        {
            refused.Should().NotBeNull("the spool is bounded");
            refused!.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.Should().NotBeNull();
        }

        var spool = await platform.SpoolStatsAsync();
        spool.GetProperty("bytes").GetInt64().Should().BeLessThanOrEqualTo(maxSpoolBytes);
        output.WriteLine($"{acked.Count} points acknowledged before the spool was full; spool {spool}");
        acked.Should().NotBeEmpty();

        await platform.Influx.StartAsync(TimeSpan.FromSeconds(30));
        await platform.WaitAsync("every acknowledged point in InfluxDB", DeliveryTimeout, async () => await StoredPoints.CountAsync(platform.Influx, "spool-full") >= acked.Count);
        var stored = await StoredPoints.ByTimeAsync(platform.Influx, "spool-full");
        stored.Keys.Should().BeEquivalentTo(acked);
        using var afterRecovery = await PostAsync(platform, $"truck,id=full-0,fleet=spool-full odometer_km=2 {baseNs - 1000}\n");
        afterRecovery.StatusCode.Should().Be(HttpStatusCode.NoContent, "a delivered spool takes writes again");
    }

    [Fact]
    public async Task Health_SpoolDirectoryRemoved_Returns503AndWritesGet503WithRetryAfter()
    {
        await using var platform = await DurablePlatform.StartAsync(silos: 1);
        using (var healthy = await platform.Http.GetAsync("/health"))
        {
            healthy.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        Directory.Delete(platform.SpoolDirectory, recursive: true);
        using var write = await PostAsync(platform, "truck,id=gone-1,fleet=gone odometer_km=1\n");
        using var health = await platform.Http.GetAsync("/health");

        write.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a write that cannot be recorded durably is not acknowledged");
        write.Headers.RetryAfter.Should().NotBeNull();
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    private static async Task AssertEveryAckedPointStoredOnceAsync(DurablePlatform platform, IngestLoad load, bool exact)
    {
        var acked = load.Acked();
        var sent = load.Sent();
        await platform.WaitAsync("every acknowledged point in InfluxDB and an empty spool", DeliveryTimeout, async () =>
            (await platform.SpoolStatsAsync()).GetProperty("bytes").GetInt64() == 0
            && await StoredPoints.CountAsync(platform.Influx, load.Fleet) >= acked.Count);

        var stored = await StoredPoints.ByTimeAsync(platform.Influx, load.Fleet);
        stored.Where(s => s.Value != 1).Should().BeEmpty("no point is stored twice (per series and time)");
        acked.Except(stored.Keys).Should().BeEmpty("every acknowledged point is stored");
        stored.Keys.Except(sent).Should().BeEmpty("nothing is stored that was not sent");
        if (exact)
        {
            stored.Count.Should().Be(acked.Count);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(DurablePlatform platform, string lines)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=equipment&bucket=equipment&precision=ns")
        {
            Content = new StringContent(lines, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", DurablePlatform.DevToken);
        return await platform.Http.SendAsync(request);
    }

    private static Dictionary<string, int> Subtract(Dictionary<string, int> now, Dictionary<string, int> before) =>
        now.Select(o => (o.Key, Count: o.Value - before.GetValueOrDefault(o.Key))).Where(o => o.Count > 0).ToDictionary(o => o.Key, o => o.Count);
}
