using Orleans.Concurrency;

namespace Equipment.Contracts.Security;

/// <summary>The dashboard users managed by admins (one instance, key 0). Callers hash keys before they reach the grain.</summary>
[Alias("equipment.IUserRegistryGrain")]
public interface IUserRegistryGrain : IGrainWithIntegerKey
{
    Task Add(UserRecord user);

    [AlwaysInterleave]
    Task<UserRecord[]> List();

    /// <summary>The user whose key has this SHA-256 hash (hex, upper case), or null.</summary>
    [AlwaysInterleave]
    Task<UserRecord?> FindByKeyHash(string hash);

    [AlwaysInterleave]
    Task<UserRecord?> Find(string id);

    /// <summary>Removes the user; false when there was none with that id.</summary>
    Task<bool> Remove(string id);
}
