namespace Equipment.Gateway.Mqtt;

/// <summary>The payload formats a subscription may carry.</summary>
public static class MqttFormats
{
    public const string LineProtocol = "lineprotocol";
    public const string Json = "json";
    public const string SparkplugB = "sparkplugb";

    public static IReadOnlyList<string> All { get; } = [LineProtocol, Json, SparkplugB];
}
