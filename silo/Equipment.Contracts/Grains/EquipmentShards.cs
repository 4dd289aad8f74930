namespace Equipment.Contracts.Grains;

/// <summary>
/// Which shard of the directory and of the alert book holds a machine. Sharded by a stable hash of the id rather
/// than by site or fleet: one fleet may hold most of the machines (20,000 trucks on G318), and a machine that moves
/// to another fleet keeps its shard. The counts are part of the persisted layout: changing them needs a migration.
/// </summary>
public static class EquipmentShards
{
    public const int DirectoryShards = 32;

    public const int AlertShards = 16;

    /// <summary>FNV-1a over the id's UTF-16 code units: stable across processes and .NET versions (unlike string.GetHashCode).</summary>
    public static int Of(string id, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }

    public static IEquipmentDirectoryGrain Directory(IGrainFactory grains, string id) =>
        grains.GetGrain<IEquipmentDirectoryGrain>(Of(id, DirectoryShards));

    public static IAlertBookGrain AlertBook(IGrainFactory grains, string id) =>
        grains.GetGrain<IAlertBookGrain>(Of(id, AlertShards));

    public static IEnumerable<IEquipmentDirectoryGrain> AllDirectories(IGrainFactory grains) =>
        Enumerable.Range(0, DirectoryShards).Select(i => grains.GetGrain<IEquipmentDirectoryGrain>(i));

    public static IEnumerable<IAlertBookGrain> AllAlertBooks(IGrainFactory grains) =>
        Enumerable.Range(0, AlertShards).Select(i => grains.GetGrain<IAlertBookGrain>(i));
}
