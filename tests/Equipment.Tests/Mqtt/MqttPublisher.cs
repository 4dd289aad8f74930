using MQTTnet;
using MQTTnet.Protocol;

namespace Equipment.Tests.Mqtt;

/// <summary>A field publisher: an MQTTnet client that publishes with QoS 1 and waits for the broker's PUBACK.</summary>
public sealed class MqttPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MqttPublisher(IMqttClient client) => _client = client;

    public static async Task<MqttPublisher> ConnectAsync(string host, int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId("publisher-" + Guid.NewGuid().ToString("N")[..8]).Build());
        return new MqttPublisher(client);
    }

    public Task PublishAsync(string topic, string payload) => PublishAsync(topic, System.Text.Encoding.UTF8.GetBytes(payload));

    public async Task PublishAsync(string topic, byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await _client.PublishAsync(message);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish to {topic} failed: {result.ReasonCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
