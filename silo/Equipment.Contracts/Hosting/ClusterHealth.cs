using Equipment.Contracts.Grains;

namespace Equipment.Contracts.Hosting;

/// <summary>A process is ready when a grain call round-trips to the cluster within a short time.</summary>
public static class ClusterHealth
{
    public static async Task<bool> IsReachableAsync(IGrainFactory grains, TimeSpan timeout)
    {
        try
        {
            await grains.GetGrain<IEquipmentDirectoryGrain>(0).Count().WaitAsync(timeout);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
