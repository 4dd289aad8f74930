namespace Equipment.Tests.Mqtt;

[CollectionDefinition(Name)]
public sealed class MqttCollection : ICollectionFixture<MqttFixture>
{
    public const string Name = "mqtt";
}
