using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;

namespace Equipment.Dashboard.Security;

/// <summary>What of the platform a scoped user may read over REST, decided from each machine's current site or fleet.</summary>
public static class ScopedAccess
{
    /// <summary>True when the machine is unknown (the endpoint answers 404 itself) or within the scope.</summary>
    public static async Task<bool> AllowsAsync(IGrainFactory grains, UserScope scope, string id)
    {
        if (scope.Contains("equipment:" + id))
        {
            return true;
        }

        if (await Api.EquipmentEndpoints.FindAsync(grains, id) is not { } grain)
        {
            return true;
        }

        var snapshot = await grain.GetSnapshot();
        return scope.Allows(snapshot.Id, snapshot.Kind, snapshot.Group);
    }

    /// <summary>The ids of every known machine within the scope.</summary>
    public static async Task<HashSet<string>> AllowedIdsAsync(IGrainFactory grains, UserScope scope)
    {
        // Answered by the directory shards from the summaries the twins publish, without calling (or waking) any twin.
        var query = new EquipmentQuery(null, null, null, null, null, int.MaxValue, scope.Items, DateTimeOffset.UtcNow, EquipmentQuery.DefaultStaleAfter);
        var pages = await Task.WhenAll(EquipmentShards.AllDirectories(grains).Select(d => d.Query(query)));
        return pages.SelectMany(p => p.Items).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether a snapshot is within the (optional) scope.</summary>
    public static bool Allows(this UserScope? scope, EquipmentSnapshot snapshot) =>
        scope is null || scope.Allows(snapshot.Id, snapshot.Kind, snapshot.Group);
}
