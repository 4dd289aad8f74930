using Orleans.Concurrency;

namespace Equipment.Contracts.Security;

/// <summary>The managed device tokens (one instance, key 0). Callers hash tokens before they reach the grain.</summary>
[Alias("equipment.ITokenRegistryGrain")]
public interface ITokenRegistryGrain : IGrainWithIntegerKey
{
    Task Add(DeviceTokenRecord token);

    [AlwaysInterleave]
    Task<DeviceTokenRecord[]> List();

    /// <summary>The token with this SHA-256 hash (hex, upper case), or null when unknown or revoked.</summary>
    [AlwaysInterleave]
    Task<DeviceTokenRecord?> FindByHash(string hash);

    /// <summary>Removes the token; false when there was none with that id.</summary>
    Task<bool> Revoke(string id);
}
