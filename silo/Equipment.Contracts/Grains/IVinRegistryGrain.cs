using Equipment.Contracts.Messages;
using Orleans.Concurrency;

namespace Equipment.Contracts.Grains;

/// <summary>
/// One grain per VIN (the key): which truck a GB/T 32960 T-Box speaks for. Written by the truck's twin when its
/// registration sets or changes the VIN; read by the gateway (cached briefly) on login. Per VIN, so no single
/// grain sits on the per-frame path.
/// </summary>
[Alias("equipment.IVinRegistryGrain")]
public interface IVinRegistryGrain : IGrainWithStringKey
{
    Task Bind(VinBinding binding);

    /// <summary>Forgets the VIN if it still belongs to this machine (another truck may have taken it since).</summary>
    Task Unbind(string equipmentId);

    [AlwaysInterleave]
    Task<VinBinding?> Get();
}
