using Orleans.Concurrency;
using Equipment.Contracts.Messages;

namespace Equipment.Contracts.Grains;

/// <summary>The list of machines the platform has seen or registered (one instance, key 0).</summary>
[Alias("equipment.IEquipmentDirectoryGrain")]
public interface IEquipmentDirectoryGrain : IGrainWithIntegerKey
{
    Task Register(EquipmentEntry entry);

    [AlwaysInterleave]
    Task<EquipmentEntry[]> List();

    /// <summary>One machine by id, or null; what a request about a single machine asks instead of the whole list.</summary>
    [AlwaysInterleave]
    Task<EquipmentEntry?> Find(string id);

    /// <summary>How many machines are known; cheap enough for a health probe.</summary>
    [AlwaysInterleave]
    Task<int> Count();
}
