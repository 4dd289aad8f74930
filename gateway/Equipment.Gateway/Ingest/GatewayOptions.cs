using System.ComponentModel.DataAnnotations;

namespace Equipment.Gateway.Ingest;

/// <summary>The ingest API's limits and tokens.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body, compressed or not (and the largest a gzip body may inflate to).</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Write requests in progress before new ones get 429.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 2048;

    /// <summary>How long a request may take to reach InfluxDB before it is answered 503.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>The development token (EQUIPMENT_DEV_TOKEN); honoured only in the Development environment.</summary>
    public string? DevToken { get; set; }

    /// <summary>Device tokens with their scope: <c>all</c>, <c>site:NAME</c>, <c>fleet:NAME</c> or <c>equipment:ID</c>.</summary>
    public List<DeviceToken> Tokens { get; set; } = [];
}
