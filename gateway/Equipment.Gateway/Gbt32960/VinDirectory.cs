using System.Collections.Concurrent;
using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// VIN → truck, from the per-VIN registry grains through a short-lived cache (like the device tokens): frames cost no
/// grain call, and a VIN set, changed or removed on the dashboard takes effect within <see cref="Gbt32960Options.CacheSeconds"/>.
/// </summary>
public sealed class VinDirectory(IGrainFactory grains, IOptions<Gbt32960Options> options, TimeProvider time, ILogger<VinDirectory> logger)
{
    private const int MaxCached = 200_000;
    private readonly ConcurrentDictionary<string, CachedVin> _cache = new(StringComparer.Ordinal);

    public async ValueTask<VinBinding?> FindAsync(string vin, CancellationToken ct)
    {
        var now = time.GetTimestamp();
        if (_cache.TryGetValue(vin, out var cached) && time.GetElapsedTime(cached.FetchedTicks, now).TotalSeconds < options.Value.CacheSeconds)
        {
            return cached.Binding;
        }

        VinBinding? binding;
        try
        {
            binding = await grains.GetGrain<IVinRegistryGrain>(vin).Get().WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException && cached is not null)
        {
            logger.LogWarning("VIN registry unreachable, reusing a cached answer for {Vin}: {Message}", vin, e.Message);
            return cached.Binding;
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[vin] = new CachedVin(binding, now);
        return binding;
    }

    /// <summary>
    /// Registers a truck under the VIN as its id (<see cref="Gbt32960Options.AcceptUnregistered"/>); an existing truck
    /// with that id keeps its registration and gains the VIN. Null when the id belongs to a TBM.
    /// </summary>
    public async Task<VinBinding?> RegisterAsync(string vin, CancellationToken ct)
    {
        var entry = await grains.GetGrain<IEquipmentDirectoryGrain>(0).Find(vin).WaitAsync(ct);
        if (entry is not null && entry.Kind != "truck")
        {
            return null;
        }

        var truck = grains.GetGrain<ITruckGrain>(vin);
        var registration = entry is null ? new EquipmentRegistration { Kind = "truck", Name = vin } : await truck.GetRegistration().WaitAsync(ct);
        registration.Vin = vin;
        await truck.Register(registration).WaitAsync(ct);
        var binding = new VinBinding(vin, registration.Fleet, registration.Gbt32960Key);
        _cache[vin] = new CachedVin(binding, time.GetTimestamp());
        logger.LogInformation("Registered truck {Vin} from its GB/T 32960 login", vin);
        return binding;
    }
}
