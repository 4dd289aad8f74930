using System.Collections.Concurrent;
using Equipment.Contracts.Security;
using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Security;

/// <summary>
/// The managed tokens of the registry grain, seen through a short-lived cache keyed by token hash: a write does
/// not cost a grain call, and a token revoked on the dashboard stops working within <see cref="DeviceTokenOptions.CacheSeconds"/>.
/// </summary>
public sealed class DeviceTokenRegistry(IGrainFactory grains, IOptions<DeviceTokenOptions> options, TimeProvider time, ILogger<DeviceTokenRegistry> logger)
{
    private readonly ConcurrentDictionary<string, CachedScope> _cache = new(StringComparer.Ordinal);

    /// <summary>The scope of the token with this hash, asking the registry when the cached answer is missing or old.</summary>
    public async ValueTask<IWriteScope?> ResolveAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_cache.TryGetValue(hash, out var cached) && time.GetElapsedTime(cached.FetchedTicks, now).TotalSeconds < options.Value.CacheSeconds)
        {
            return cached.Scope;
        }

        IWriteScope? scope;
        try
        {
            var record = await grains.GetGrain<ITokenRegistryGrain>(0).FindByHash(hash).WaitAsync(cancellationToken);
            scope = record is null ? null : TokenScope.Parse(record.Scope);
        }
        catch (Exception e) when (e is not OperationCanceledException && cached is not null)
        {
            // The registry is unreachable: keep the last answer rather than lock every device out (or let a revoked one in anew).
            logger.LogWarning("Token registry unreachable, reusing a cached answer: {Message}", e.Message);
            return cached.Scope;
        }

        Trim(now);
        _cache[hash] = new CachedScope(scope, now);
        return scope;
    }

    /// <summary>The last answer for this hash, however old: the write handler asks right after <see cref="ResolveAsync"/> refreshed it.</summary>
    public IWriteScope? Cached(string hash) => _cache.TryGetValue(hash, out var cached) ? cached.Scope : null;

    private void Trim(long now)
    {
        if (_cache.Count < options.Value.MaxCachedTokens)
        {
            return;
        }

        foreach (var (key, value) in _cache)
        {
            if (time.GetElapsedTime(value.FetchedTicks, now).TotalSeconds >= options.Value.CacheSeconds)
            {
                _cache.TryRemove(key, out _);
            }
        }

        // Still full of fresh entries: someone is trying many tokens fast; forgetting costs only extra registry calls.
        if (_cache.Count >= options.Value.MaxCachedTokens)
        {
            _cache.Clear();
        }
    }
}
