namespace Equipment.Gateway.Ingest;

public sealed class DeviceToken
{
    public string Token { get; set; } = "";

    public string Scope { get; set; } = "";
}
