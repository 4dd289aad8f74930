using Equipment.Gateway.Mqtt;

namespace Equipment.Tests.Mqtt;

public sealed class MqttOptionsValidatorTests
{
    [Fact]
    public void Validate_GoodConfiguration_Succeeds()
    {
        var options = new MqttOptions
        {
            Brokers =
            [
                new MqttBrokerOptions
                {
                    Host = "127.0.0.1",
                    Subscriptions =
                    [
                        new() { Topic = "site/+/lp", Format = "lineprotocol", Precision = "ms", Scope = "site:north" },
                        new() { Topic = "site/+/tbm/+", Format = "json", Kind = "tbm", TopicTemplate = "site/{site}/tbm/{id}" },
                        new() { Topic = "spBv1.0/north/#", Format = "sparkplugb", Kind = "tbm", Fields = new() { ["Thrust"] = "thrust_kn" } },
                    ],
                },
            ],
        };

        new MqttOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Validate_Mistakes_AreEachNamedByPath()
    {
        var options = new MqttOptions
        {
            Brokers =
            [
                new MqttBrokerOptions
                {
                    Host = "",
                    Port = 70000,
                    Password = "secret",
                    CaCertificateFile = "/nonexistent.pem",
                    Subscriptions =
                    [
                        new() { Topic = "a/#/b", Format = "xml", Qos = 2 },
                        new() { Topic = "plant/x", Format = "sparkplugb" },
                        new() { Topic = "lp", Format = "lineprotocol", Precision = "h2", Scope = "everything" },
                    ],
                },
                new MqttBrokerOptions { Subscriptions = [] },
            ],
        };

        var failures = new MqttOptionsValidator().Validate(null, options).Failures!.ToList();
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Host", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Port", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Password", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:CaCertificateFile", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:0:Topic", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:0:Format", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:0:Qos", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:1:Topic must be under spBv1.0/", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:1:Kind", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:2:Precision", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:0:Subscriptions:2:Scope", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("Mqtt:Brokers:1:Subscriptions", StringComparison.Ordinal));
    }
}
