using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Durability.Tests.Platform;
using Equipment.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Equipment.Durability.Tests;

/// <summary>
/// QoS 1 through the gateway loses nothing when the gateway dies: it acknowledges a message to the broker only
/// once the spool has it, so what it had not acknowledged the broker re-sends to the restarted gateway.
/// </summary>
public sealed class MqttDurabilityTests(ITestOutputHelper output)
{
    private const int Messages = 3000;
    private const int LinesPerMessage = 2;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Mqtt_GatewayKilledMidStream_StoresEveryPublishedPointExactlyOnceAfterRestart()
    {
        await using var broker = await MosquittoServer.StartAsync();
        await using var platform = await DurablePlatform.StartAsync(silos: 1, new Dictionary<string, string>
        {
            ["Mqtt:Brokers:0:Name"] = "site",
            ["Mqtt:Brokers:0:Host"] = broker.Host,
            ["Mqtt:Brokers:0:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Brokers:0:ClientId"] = "durable-gateway",
            ["Mqtt:Brokers:0:MaxReconnectDelaySeconds"] = "2",
            ["Mqtt:Brokers:0:Subscriptions:0:Topic"] = "plc/+/lp",
            ["Mqtt:Brokers:0:Subscriptions:0:Format"] = "lineprotocol",
            ["Mqtt:Brokers:0:Subscriptions:0:Precision"] = "ms",
        });
        var fleet = "mqtt-" + Guid.NewGuid().ToString("N")[..8];
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await WaitForAcknowledgedAsync(platform, 0, TimeSpan.FromSeconds(60), connectedOnly: true);

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("plc-" + fleet).Build());
        var published = 0;
        var publishing = Task.Run(async () =>
        {
            for (var m = 0; m < Messages; m++)
            {
                // A numbered stream: point n of truck n % 3 at start + n ms, odometer n, so each point is identifiable.
                var lines = string.Concat(Enumerable.Range(m * LinesPerMessage, LinesPerMessage).Select(n =>
                    $"truck,id={fleet}-{n % 3},fleet={fleet} odometer_km={n}.5,speed_kmh={n % 90} {start + n}\n"));
                var message = new MqttApplicationMessageBuilder().WithTopic($"plc/{fleet}/lp").WithPayload(lines).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                (await publisher.PublishAsync(message)).IsSuccess.Should().BeTrue();
                published = m + 1;
                if (m % 20 == 0)
                {
                    // A field-like pace, so the kill lands mid-stream rather than after the last message.
                    await Task.Delay(5);
                }
            }
        });

        await WaitForAcknowledgedAsync(platform, 300, Timeout);
        platform.KillGateway();
        var publishedAtKill = published;
        var storedAtKill = await StoredPoints.CountAsync(platform.Influx, fleet);

        await Task.Delay(TimeSpan.FromSeconds(2));
        await platform.StartGatewayAsync();
        await publishing.WaitAsync(Timeout);
        var total = Messages * LinesPerMessage;
        await platform.WaitAsync($"all {total} points in InfluxDB", Timeout, async () => await StoredPoints.CountAsync(platform.Influx, fleet) >= total);
        await Task.Delay(TimeSpan.FromSeconds(2));

        output.WriteLine($"killed the gateway with {publishedAtKill} of {Messages} messages published and {storedAtKill} points stored");
        publishedAtKill.Should().BeLessThan(Messages, "the gateway must die mid-stream for this test to mean anything");
        var stored = await StoredPoints.ByTimeAsync(platform.Influx, fleet);
        stored.Should().HaveCount(total);
        stored.Values.Should().OnlyContain(n => n == 1, "one point per series and time");
        stored.Keys.Order().Should().Equal(Enumerable.Range(0, total).Select(n => (start + n) * 1_000_000));
        var odometer = await platform.Influx.RowsAsync(DurablePlatform.Database, $"SELECT odometer_km FROM truck WHERE fleet = '{fleet}' AND time = {(start + 4321) * 1_000_000}");
        odometer.Should().ContainSingle().Which["odometer_km"].GetDouble().Should().Be(4321.5);
    }

    private static async Task WaitForAcknowledgedAsync(DurablePlatform platform, long acknowledged, TimeSpan timeout, bool connectedOnly = false) =>
        await platform.WaitAsync($"{acknowledged} MQTT messages acknowledged", timeout, async () =>
        {
            var stats = await platform.Http.GetFromJsonAsync<JsonElement>("/stats/mqtt");
            if (!stats.TryGetProperty("site", out var site) || !site.GetProperty("isConnected").GetBoolean())
            {
                return false;
            }

            return connectedOnly || site.GetProperty("acknowledged").GetInt64() >= acknowledged;
        });
}
