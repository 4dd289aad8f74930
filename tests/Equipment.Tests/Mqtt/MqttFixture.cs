using Equipment.Testing;
using Equipment.Tests.Integration;

namespace Equipment.Tests.Mqtt;

/// <summary>The platform of <see cref="PlatformFixture"/> with a private Mosquitto the gateway subscribes to.</summary>
public sealed class MqttFixture : PlatformFixture
{
    public const string Group = "mqtt-site";

    public MosquittoServer Broker { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Broker = await MosquittoServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }

    protected override void ConfigureGateway(Dictionary<string, string?> settings)
    {
        var b = "Mqtt:Brokers:0:";
        settings[b + "Name"] = "test";
        settings[b + "Host"] = Broker.Host;
        settings[b + "Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[b + "ClientId"] = "gateway-" + Guid.NewGuid().ToString("N")[..8];
        settings[b + "MaxReconnectDelaySeconds"] = "2";
        settings[b + "Subscriptions:0:Topic"] = "lp/#";
        settings[b + "Subscriptions:0:Format"] = "lineprotocol";
        settings[b + "Subscriptions:0:Precision"] = "ms";
        settings[b + "Subscriptions:1:Topic"] = "site/+/tbm/+";
        settings[b + "Subscriptions:1:Format"] = "json";
        settings[b + "Subscriptions:1:Kind"] = "tbm";
        settings[b + "Subscriptions:1:TopicTemplate"] = "site/{site}/tbm/{id}";
        settings[b + "Subscriptions:1:Fields:Thrust"] = "thrust_kn";
        settings[b + "Subscriptions:2:Topic"] = $"spBv1.0/{Group}/#";
        settings[b + "Subscriptions:2:Format"] = "sparkplugb";
        settings[b + "Subscriptions:2:Kind"] = "tbm";
        settings[b + "Subscriptions:2:Group"] = "{group}";
        settings[b + "Subscriptions:2:Fields:Thrust"] = "thrust_kn";
        settings[b + "Subscriptions:2:Fields:Torque"] = "torque_knm";
        settings[b + "Subscriptions:2:Fields:Boring"] = "boring";
        // As run.sh --mqtt configures the gateway for the simulator's publisher.
        settings[b + "Subscriptions:3:Topic"] = "sim/+/lp";
        settings[b + "Subscriptions:3:Format"] = "lineprotocol";
        settings[b + "Subscriptions:4:Topic"] = "spBv1.0/#";
        settings[b + "Subscriptions:4:Format"] = "sparkplugb";
        settings[b + "Subscriptions:4:Kind"] = "tbm";
        settings[b + "Subscriptions:4:Group"] = "{group}";
        settings[b + "Subscriptions:4:KeepUnmappedFields"] = "true";
        settings["Mqtt:RefusedLogIntervalSeconds"] = "1";
    }
}
