using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Equipment.Tests.Integration;
using static Equipment.Tests.Mqtt.SparkplugMessages;

namespace Equipment.Tests.Mqtt;

/// <summary>A real Mosquitto, the real gateway subscribed to it, silo and InfluxDB: what a site's broker feeds in.</summary>
[Collection(MqttCollection.Name)]
public sealed class MqttEndToEndTests(MqttFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LineProtocol_Qos1Messages_ReachInfluxDbAndLiveState()
    {
        var id = Unique("tbm");
        await using var publisher = await MqttPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port);
        for (var m = 0; m < 10; m++)
        {
            var body = new StringBuilder();
            for (var i = 0; i < 20; i++)
            {
                var n = (m * 20) + i;
                // Field-shaped: a gap of a minute after 100 samples, and each message's lines out of order.
                var at = Start.AddSeconds(n + (n >= 100 ? 60 : 0)).ToUnixTimeMilliseconds();
                body.Insert(0, $"tbm,id={id},site=north thrust_kn={11000 + n}.5,stroke={n / 10}i,boring={n % 7 != 0} {at}\n");
            }

            await publisher.PublishAsync($"lp/north/{id}", body.ToString());
        }

        await WaitForRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 200);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn, stroke, site FROM tbm WHERE id = '{id}'");
        rows[199]["thrust_kn"].GetDouble().Should().Be(11199.5);
        rows[199]["stroke"].GetInt64().Should().Be(19);
        rows[199]["time"].GetInt64().Should().Be(Start.AddSeconds(259).ToUnixTimeMilliseconds() * 1_000_000);

        var live = await LiveAsync(id);
        live.GetProperty("fields").GetProperty("thrust_kn").GetProperty("value").GetDouble().Should().Be(11199.5);
        live.GetProperty("site").GetString().Should().Be("north");
    }

    [Fact]
    public async Task Json_ObjectsAndArrays_ReachInfluxDbWithIdAndSiteFromTheTopic()
    {
        var id = Unique("tbm");
        await using var publisher = await MqttPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port);
        await publisher.PublishAsync($"site/west/tbm/{id}", $$$"""{"time":"{{{Start:O}}}","fields":{"Thrust":9000.25,"rpm":4.5,"boring":true}}""");
        await publisher.PublishAsync($"site/west/tbm/{id}", $$$"""[{"time":{{{Start.AddSeconds(1).ToUnixTimeMilliseconds()}}},"fields":{"Thrust":9001}},{"time":{{{Start.AddSeconds(2).ToUnixTimeMilliseconds()}}},"fields":{"Thrust":9002,"boring":false}}]""");

        await WaitForRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 3);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn, rpm, boring, site FROM tbm WHERE id = '{id}'");
        rows.Select(r => r["thrust_kn"].GetDouble()).Should().Equal(9000.25, 9001, 9002);
        rows[0]["rpm"].GetDouble().Should().Be(4.5);
        rows[0]["site"].GetString().Should().Be("west");
        rows[0]["time"].GetInt64().Should().Be(Start.ToUnixTimeMilliseconds() * 1_000_000);

        var live = await LiveAsync(id);
        live.GetProperty("fields").GetProperty("boring").GetProperty("value").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task SparkplugB_BirthsDataByAliasAndDeath_ReachInfluxDbAndRaiseOfflineAtOnce()
    {
        var node = Unique("edge");
        var id = Unique("tbm");
        var t0 = (ulong)Start.ToUnixTimeMilliseconds();
        var prefix = $"spBv1.0/{MqttFixture.Group}";
        await using var publisher = await MqttPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port);
        await publisher.PublishAsync($"{prefix}/NBIRTH/{node}", Encode(t0, 0, BdSeq(0)));
        await publisher.PublishAsync($"{prefix}/DBIRTH/{node}/{id}", Encode(t0, 1, Double("Thrust", 1, 10_000), Double("Torque", 2, 1500), Bool("Boring", 3, true)));
        for (ulong i = 1; i <= 30; i++)
        {
            await publisher.PublishAsync($"{prefix}/DDATA/{node}/{id}", Encode(t0 + (i * 1000), (i + 1) % 256, Double(null, 1, 10_000 + i), Double(null, 2, 1500 - i)));
        }

        await WaitForRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 31);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn, torque_knm, site FROM tbm WHERE id = '{id}'");
        rows[30]["thrust_kn"].GetDouble().Should().Be(10_030);
        rows[30]["torque_knm"].GetDouble().Should().Be(1470);
        rows[30]["site"].GetString().Should().Be(MqttFixture.Group);
        (await LiveAsync(id)).GetProperty("fields").GetProperty("online").GetProperty("value").GetBoolean().Should().BeTrue();

        var deathSent = DateTimeOffset.UtcNow;
        await publisher.PublishAsync($"{prefix}/DDEATH/{node}/{id}", Encode(t0 + 40_000, 32));
        await WaitAsync("online=false in the live state", async () =>
        {
            var live = await LiveAsync(id);
            return live.GetProperty("fields").GetProperty("online").GetProperty("value").GetBoolean() == false;
        });

        // The death is a signal to the twin, not just a stored field: the offline alert opens at once, where the
        // 120 s silence rule would open it two minutes after the last message.
        JsonElement offline = default;
        await WaitAsync("the offline alert", async () =>
        {
            var live = await LiveAsync(id);
            return live.TryGetProperty("openAlerts", out var alerts) && alerts.ValueKind == JsonValueKind.Array
                && alerts.EnumerateArray().FirstOrDefault(a => a.GetProperty("ruleId").GetString() == "offline") is { ValueKind: JsonValueKind.Object } found
                && (offline = found).ValueKind == JsonValueKind.Object;
        });
        (offline.GetProperty("raisedAt").GetDateTimeOffset() - deathSent).Should().BeLessThan(TimeSpan.FromSeconds(60));
        await WaitForRowsAsync($"SELECT online FROM tbm WHERE id = '{id}' AND online = false", 1);
        var death = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT online FROM tbm WHERE id = '{id}' AND online = false");
        death.Should().ContainSingle().Which["time"].GetInt64().Should().Be((long)(t0 + 40_000) * 1_000_000);
    }

    [Fact]
    public async Task BadInput_MalformedPayloadsAndUnknownAliases_AreCountedAndDoNotBlockTheMessagesBehind()
    {
        var id = Unique("tbm");
        var before = await StatsAsync();
        await using var publisher = await MqttPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port);
        await publisher.PublishAsync($"lp/north/{id}", "tbm,id=x thrust_kn=\n");
        await publisher.PublishAsync($"lp/north/{id}", "pump,id=x flow=1\n");
        await publisher.PublishAsync($"site/west/tbm/{id}", "{\"fields\":");
        await publisher.PublishAsync($"spBv1.0/{MqttFixture.Group}/DDATA/{Unique("edge")}/{id}", [0xFF, 0xFF, 0xFF]);
        await publisher.PublishAsync($"spBv1.0/{MqttFixture.Group}/DDATA/{Unique("edge")}/{id}", Encode((ulong)Start.ToUnixTimeMilliseconds(), 3, Double(null, 77, 1)));
        await publisher.PublishAsync($"lp/north/{id}", $"tbm,id={id} thrust_kn=1.5 {Start.ToUnixTimeMilliseconds()}\n");

        // The good message published last arrives: nothing before it was retried forever or stopped the subscription.
        await WaitForRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 1);
        var after = await StatsAsync();
        Delta(before, after, "invalid").Should().Be(2);
        Delta(before, after, "malformed_json").Should().Be(1);
        Delta(before, after, "malformed_sparkplug").Should().Be(1);
        Delta(before, after, "unknown_alias").Should().Be(1);
    }

    [Fact]
    public async Task BrokerRestart_GatewayReconnectsAndGetsWhatWasQueuedForIt()
    {
        var id = Unique("tbm");
        await platform.Broker.StopAsync();
        await platform.Broker.StartAsync(TimeSpan.FromSeconds(20));
        await using (var publisher = await MqttPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port))
        {
            // Published as soon as the broker is back, likely before the gateway has reconnected: the broker queues
            // it in the gateway's persistent session.
            await publisher.PublishAsync($"lp/north/{id}", $"tbm,id={id} thrust_kn=2.5 {Start.ToUnixTimeMilliseconds()}\n");
        }

        await WaitForRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 1);
        var stats = await StatsAsync();
        stats.GetProperty("test").GetProperty("connections").GetInt32().Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task SimulatorPublisher_AsRunShMqttStartsIt_FeedsTbmsAndTrucksAndTakesTbmsOfflineOnStop()
    {
        var prefix = Unique("sim") + "-";
        var tbm = prefix + "tbm-01";
        var truck = prefix + "truck-01";
        var writer = await Equipment.Simulator.Sending.MqttPointWriter.ConnectAsync($"{platform.Broker.Host}:{platform.Broker.Port}", prefix, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            var at = Start.AddSeconds(i).UtcDateTime;
            await writer.WriteAsync(
            [
                InfluxDB.Client.Writes.PointData.Measurement("tbm").Tag("id", "tbm-01").Tag("site", "gold-mine-9").Field("thrust_kn", 12000.5 + i).Field("stroke", (long)i).Field("boring", true).Timestamp(at, InfluxDB.Client.Api.Domain.WritePrecision.Ns),
                InfluxDB.Client.Writes.PointData.Measurement("truck").Tag("id", "truck-01").Tag("fleet", "g318").Field("soc_pct", 80.0 - i).Timestamp(at, InfluxDB.Client.Api.Domain.WritePrecision.Ns),
            ], CancellationToken.None);
        }

        await WaitForRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{tbm}'", 5);
        await WaitForRowsAsync($"SELECT soc_pct FROM truck WHERE id = '{truck}'", 5);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn, stroke, site FROM tbm WHERE id = '{tbm}'");
        rows[4]["thrust_kn"].GetDouble().Should().Be(12004.5);
        rows[4]["stroke"].GetInt64().Should().Be(4);
        rows[4]["site"].GetString().Should().Be("gold-mine-9");

        await writer.DisposeAsync();
        await WaitAsync("the stopped simulator's TBM offline", async () =>
            (await LiveAsync(tbm)).GetProperty("fields").TryGetProperty("online", out var online) && !online.GetProperty("value").GetBoolean());
    }

    private async Task<JsonElement> StatsAsync() => await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats/mqtt");

    private static long Delta(JsonElement before, JsonElement after, string reason)
    {
        static long Count(JsonElement stats, string reason) =>
            stats.TryGetProperty("test", out var broker) && broker.GetProperty("refused").TryGetProperty(reason, out var n) ? n.GetInt64() : 0;
        return Count(after, reason) - Count(before, reason);
    }

    private async Task<JsonElement> LiveAsync(string id)
    {
        JsonElement live = default;
        await WaitAsync($"{id} in the live state", async () =>
        {
            using var response = await platform.Dashboard.GetAsync($"/api/equipment/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            live = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        });
        return live;
    }

    private async Task WaitForRowsAsync(string query, int expected)
    {
        var seen = 0;
        await WaitAsync($"{expected} rows for {query} (last {seen})", async () =>
        {
            seen = (await platform.Influx.RowsAsync(PlatformFixture.Database, query)).Count;
            seen.Should().BeLessThanOrEqualTo(expected);
            return seen == expected;
        });
    }

    private async Task WaitAsync(string what, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} not reached within {Patience.TotalSeconds} s; stats: {(await StatsAsync()).GetRawText()}\nbroker log:\n{platform.Broker.Log}");
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
