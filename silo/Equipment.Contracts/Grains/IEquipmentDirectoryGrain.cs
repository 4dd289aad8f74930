using Orleans.Concurrency;
using Equipment.Contracts.Messages;

namespace Equipment.Contracts.Grains;

/// <summary>
/// One shard of the list of machines the platform has seen or registered (key = shard number, see
/// <see cref="EquipmentShards"/>), with the summary each twin last published: what lists, filters and counts
/// are answered from without calling (and waking) every twin.
/// </summary>
[Alias("equipment.IEquipmentDirectoryGrain")]
public interface IEquipmentDirectoryGrain : IGrainWithIntegerKey
{
    Task Register(EquipmentEntry entry);

    /// <summary>A twin's current summary (a trimmed snapshot); a new machine is persisted before this completes.</summary>
    [AlwaysInterleave]
    Task Update(EquipmentSnapshot summary);

    /// <summary>This shard's machines, ordered by id.</summary>
    [AlwaysInterleave]
    Task<EquipmentEntry[]> List();

    /// <summary>One machine by id, or null; what a request about a single machine asks instead of the whole list.</summary>
    [AlwaysInterleave]
    Task<EquipmentEntry?> Find(string id);

    /// <summary>How many machines this shard knows; cheap enough for a health probe.</summary>
    [AlwaysInterleave]
    Task<int> Count();

    /// <summary>This shard's matching summaries after the query's cursor (at most its limit, by id) and how many match in all.</summary>
    [AlwaysInterleave]
    Task<EquipmentPage> Query(EquipmentQuery query);

    /// <summary>This shard's counts for the overview, within an optional scope.</summary>
    [AlwaysInterleave]
    Task<EquipmentCounts> Counts(string[]? scope, DateTimeOffset now);
}
