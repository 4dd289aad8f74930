namespace Equipment.Tests.Integration;

/// <summary>
/// The platform with the gateway answering once a write is spooled (the production setting), so writes are
/// accepted while InfluxDB is down and the spool deliverer redelivers them.
/// </summary>
public sealed class RedeliveryFixture : PlatformFixture
{
    protected override void ConfigureGateway(Dictionary<string, string?> settings) => settings["Gateway:AcknowledgeAfter"] = "Spooled";
}
