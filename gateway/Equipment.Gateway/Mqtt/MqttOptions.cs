namespace Equipment.Gateway.Mqtt;

/// <summary>
/// The MQTT brokers the gateway subscribes to (section <c>Mqtt</c>). Empty by default: without brokers no MQTT
/// client is started. Validated on start by <see cref="MqttOptionsValidator"/>.
/// </summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    public List<MqttBrokerOptions> Brokers { get; set; } = [];

    /// <summary>Refused messages are logged at most once per this many seconds per broker and reason (the rest are counted).</summary>
    public int RefusedLogIntervalSeconds { get; set; } = 10;
}
