namespace Equipment.Gateway.Mqtt;

/// <summary>One broker connection and what to subscribe to on it.</summary>
public sealed class MqttBrokerOptions
{
    /// <summary>Name in logs and <c>/stats</c>; defaults to <c>host:port</c>.</summary>
    public string? Name { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>1883 by default, 8883 when <see cref="UseTls"/> is on and no port is given.</summary>
    public int? Port { get; set; }

    public bool UseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate, when it is not in the system store.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>Accept any broker certificate (test brokers only: it gives up the protection TLS is there for).</summary>
    public bool AllowUntrustedCertificates { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The broker keeps this client's session (subscriptions and unacknowledged QoS 1 messages) under this id
    /// while the gateway is away, so it must be stable and unique per gateway.
    /// </summary>
    public string ClientId { get; set; } = "equipment-gateway";

    /// <summary>
    /// False (default) keeps the session across disconnects and restarts, which is what makes QoS 1 survive a
    /// gateway crash: the broker re-sends every message the gateway had not acknowledged.
    /// </summary>
    public bool CleanSession { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>Longest wait between reconnect attempts (they back off from 1 s).</summary>
    public int MaxReconnectDelaySeconds { get; set; } = 30;

    public List<MqttSubscriptionOptions> Subscriptions { get; set; } = [];

    public string DisplayName => Name ?? $"{Host}:{EffectivePort}";

    public int EffectivePort => Port ?? (UseTls ? 8883 : 1883);
}
