using System.Collections.Concurrent;
using Equipment.Contracts.Security;
using Microsoft.Extensions.Options;

namespace Equipment.Dashboard.Security;

/// <summary>
/// Resolves a key (or a session's user id) to a user: configured users and, in Development only, the dev token
/// first, then the registry grain through a short-lived cache, so a request costs no grain call and a removed user
/// loses access within <see cref="DashboardOptions.KeyCacheSeconds"/>. Keys are only ever compared as SHA-256 hashes.
/// </summary>
public sealed class UserKeyStore
{
    public const string DevUserId = "dev";

    private const int MaxCached = 10_000;

    private readonly Dictionary<string, DashboardUser> _configuredByHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DashboardUser> _configuredById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedUser> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedUser> _byId = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly double _cacheSeconds;

    public UserKeyStore(IOptions<DashboardOptions> options, IHostEnvironment environment, IGrainFactory grains, TimeProvider time)
    {
        _grains = grains;
        _time = time;
        _cacheSeconds = options.Value.KeyCacheSeconds;
        foreach (var user in options.Value.Users)
        {
            Add(user.Key, new DashboardUser("config:" + user.Name, user.Name, DashboardRoles.Expand(user.Roles), string.IsNullOrWhiteSpace(user.Scope) ? null : user.Scope));
        }

        // The dev token is a shared, often-printed secret: outside Development it must open nothing.
        if (environment.IsDevelopment() && !string.IsNullOrEmpty(options.Value.DevToken))
        {
            Add(options.Value.DevToken, new DashboardUser(DevUserId, "developer", DashboardRoles.All, null));
        }
    }

    public async ValueTask<DashboardUser?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(key);
        return _configuredByHash.GetValueOrDefault(hash)
            ?? await CachedAsync(_byHash, hash, async () => ToUser(await _grains.GetGrain<IUserRegistryGrain>(0).FindByKeyHash(hash)), cancellationToken);
    }

    /// <summary>The current state of a signed-in user: null once removed (or, for the dev user, outside Development).</summary>
    public async ValueTask<DashboardUser?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        _configuredById.GetValueOrDefault(id)
        ?? (id.StartsWith("config:", StringComparison.Ordinal) || id == DevUserId
            ? null
            : await CachedAsync(_byId, id, async () => ToUser(await _grains.GetGrain<IUserRegistryGrain>(0).Find(id)), cancellationToken));

    /// <summary>Drops cached answers at once after an admin change made through this process.</summary>
    public void Forget()
    {
        _byHash.Clear();
        _byId.Clear();
    }

    private static DashboardUser? ToUser(UserRecord? record) =>
        record is null ? null : new DashboardUser(record.Id, record.Name, DashboardRoles.Expand(record.Roles), record.Scope);

    private void Add(string key, DashboardUser user)
    {
        _configuredByHash[SecretHash.Of(key)] = user;
        _configuredById[user.Id] = user;
    }

    private async ValueTask<DashboardUser?> CachedAsync(ConcurrentDictionary<string, CachedUser> cache, string key, Func<Task<DashboardUser?>> fetch, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (cache.TryGetValue(key, out var cached) && _time.GetElapsedTime(cached.FetchedTicks, now).TotalSeconds < _cacheSeconds)
        {
            return cached.User;
        }

        var user = await fetch().WaitAsync(cancellationToken);
        if (cache.Count >= MaxCached)
        {
            // Someone is trying many keys: forgetting costs only extra registry calls, keeping them costs memory.
            cache.Clear();
        }

        cache[key] = new CachedUser(user, now);
        return user;
    }
}
