using System.ComponentModel.DataAnnotations;

namespace Equipment.Gateway.Security;

/// <summary>How managed tokens are looked up and how fast each token may write.</summary>
public sealed class DeviceTokenOptions
{
    public const string Section = "DeviceTokens";

    /// <summary>
    /// How long a registry answer (known or unknown) is reused: the bound on how long a revoked token keeps
    /// working, and on how often a stream of bad tokens can reach the registry grain.
    /// </summary>
    [Range(0, 300)]
    public double CacheSeconds { get; set; } = 5;

    /// <summary>Write requests per second each token may make on average (token bucket refill); 0 disables the limit.</summary>
    [Range(0, 1_000_000)]
    public double RequestsPerSecond { get; set; } = 100;

    /// <summary>Requests a token may make at once after being idle (token bucket size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>Registry answers kept in memory before expired ones are dropped, so random tokens cannot grow the cache.</summary>
    [Range(100, 10_000_000)]
    public int MaxCachedTokens { get; set; } = 10_000;
}
