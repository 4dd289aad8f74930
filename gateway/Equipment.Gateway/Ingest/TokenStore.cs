using System.Security.Cryptography;
using Equipment.Contracts.Security;
using Equipment.Gateway.Security;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Ingest;

/// <summary>
/// Resolves a presented token to its scope: configured tokens and the development token first, then the managed
/// tokens of the registry grain (through <see cref="DeviceTokenRegistry"/>). Tokens are kept and looked up as
/// SHA-256 hashes so the process holds no usable secret beyond start-up, and timing reveals nothing of them.
/// </summary>
public sealed class TokenStore
{
    private readonly Dictionary<string, IWriteScope> _byHash = new(StringComparer.Ordinal);
    private readonly DeviceTokenRegistry _registry;
    private readonly string? _devHash;

    public TokenStore(IOptions<GatewayOptions> options, IHostEnvironment environment, DeviceTokenRegistry registry, ILogger<TokenStore> logger)
    {
        _registry = registry;
        foreach (var token in options.Value.Tokens)
        {
            _byHash[SecretHash.Of(token.Token)] = TokenScope.Parse(token.Scope);
        }

        if (environment.IsDevelopment())
        {
            var dev = options.Value.DevToken;
            if (string.IsNullOrEmpty(dev))
            {
                dev = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

                // Intended: the one place a secret is logged, so a developer without EQUIPMENT_DEV_TOKEN can write at all.
                logger.LogWarning("No EQUIPMENT_DEV_TOKEN set; this run's development token is {Token}", dev);
            }

            _devHash = SecretHash.Of(dev);
            _byHash[_devHash] = UnrestrictedScope.Instance;
        }
    }

    /// <summary>
    /// The scope of a token without waiting: configured tokens, else the registry's cached answer, which the
    /// <see cref="DeviceAuthenticationMiddleware"/> refreshed for this request before the handler runs.
    /// </summary>
    public IWriteScope? Find(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var hash = SecretHash.Of(token);
        return _byHash.GetValueOrDefault(hash) ?? _registry.Cached(hash);
    }

    /// <summary>
    /// True for the development token (Development only). It is not rate-limited: the simulator and the benchmarks
    /// push every machine's data through it, which is the load a rate limit exists to cut.
    /// </summary>
    public bool IsDevToken(string hash) => hash == _devHash;

    /// <summary>The scope of a token, asking the registry when needed; null when missing, unknown or revoked.</summary>
    public async ValueTask<IWriteScope?> ResolveAsync(string hash, CancellationToken cancellationToken) =>
        _byHash.GetValueOrDefault(hash) ?? await _registry.ResolveAsync(hash, cancellationToken);
}
