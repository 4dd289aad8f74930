using System.ComponentModel.DataAnnotations;

namespace Equipment.Contracts.Hosting;

/// <summary>
/// How silos and their clients find each other. <c>localhost</c> runs one silo on this machine without any
/// store; <c>redis</c> keeps membership in Redis so several silos form one cluster.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    [Required]
    public string ClusterId { get; set; } = "equipment";

    [Required]
    public string ServiceId { get; set; } = "equipment";

    [RegularExpression("^(localhost|redis)$")]
    public string Clustering { get; set; } = "localhost";

    /// <summary>Where grain state lives: <c>memory</c> (lost with the silo) or <c>redis</c> (survives restarts; shared by silos).</summary>
    [RegularExpression("^(memory|redis)$")]
    public string Storage { get; set; } = "memory";

    /// <summary>StackExchange.Redis connection string, for <c>redis</c> clustering and grain state.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a client keeps trying to reach a silo at start before it gives up.</summary>
    [Range(0, 3600)]
    public int ConnectRetrySeconds { get; set; } = 30;
}
