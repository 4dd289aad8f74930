using System.Security.Cryptography;
using System.Text;

namespace Equipment.Contracts.Security;

/// <summary>
/// The one way tokens and keys are hashed everywhere (gateway, dashboard, registry), so a hash computed in one
/// process finds the record written by another. Plain SHA-256 is enough: the secrets are 256-bit random values,
/// not passwords, so there is nothing for a slow hash to protect against.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new secret: 32 random bytes, URL-safe base64 (43 characters) so it fits headers and query strings.</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A short random id for listing and revoking without showing the secret.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
