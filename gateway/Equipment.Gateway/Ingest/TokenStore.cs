using System.Security.Cryptography;
using System.Text;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Ingest;

/// <summary>
/// Resolves a presented token to its scope. Tokens are kept as SHA-256 hashes so the process holds no
/// usable secret beyond start-up, and compared through the hash so timing reveals nothing of them.
/// </summary>
public sealed class TokenStore
{
    private readonly Dictionary<string, IWriteScope> _byHash = new(StringComparer.Ordinal);

    public TokenStore(IOptions<GatewayOptions> options, IHostEnvironment environment, ILogger<TokenStore> logger)
    {
        foreach (var token in options.Value.Tokens)
        {
            _byHash[Hash(token.Token)] = TokenScope.Parse(token.Scope);
        }

        if (environment.IsDevelopment())
        {
            var dev = options.Value.DevToken;
            if (string.IsNullOrEmpty(dev))
            {
                dev = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                logger.LogWarning("No EQUIPMENT_DEV_TOKEN set; this run's development token is {Token}", dev);
            }

            _byHash[Hash(dev)] = UnrestrictedScope.Instance;
        }
    }

    public IWriteScope? Find(string? token) =>
        string.IsNullOrEmpty(token) ? null : _byHash.GetValueOrDefault(Hash(token));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
