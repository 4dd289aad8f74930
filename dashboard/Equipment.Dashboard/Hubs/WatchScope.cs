namespace Equipment.Dashboard.Hubs;

/// <summary>
/// The scopes a browser can watch and the SignalR group each maps to: <c>all</c>, <c>site:NAME</c> (TBMs),
/// <c>fleet:NAME</c> (trucks), <c>equipment:ID</c>. The scope string is the group name, so the hub and the sink agree.
/// </summary>
public static class WatchScope
{
    public const string All = "all";

    private static readonly string[] Prefixes = ["site:", "fleet:", "equipment:"];

    /// <summary>True when <paramref name="scope"/> is one of the contract's forms with a non-empty, bounded name.</summary>
    public static bool IsValid(string? scope)
    {
        if (scope is null || scope.Length > 200)
        {
            return false;
        }

        if (scope == All)
        {
            return true;
        }

        return Prefixes.Any(p => scope.StartsWith(p, StringComparison.Ordinal) && scope.Length > p.Length);
    }

    /// <summary>Every group that should hear about a machine of this kind in this site or fleet.</summary>
    public static IReadOnlyList<string> GroupsFor(string id, string kind, string? group)
    {
        var groups = new List<string>(3) { All, "equipment:" + id };
        if (!string.IsNullOrEmpty(group))
        {
            groups.Add(Contracts.Grains.ScopeItems.Group(kind, group));
            groups.Add(Qualified(id, kind, group));
        }

        return groups;
    }

    /// <summary>
    /// The group of one machine as long as it is in this site or fleet: what a user scoped to that site or fleet
    /// joins to watch the machine alone, so they stop hearing of it once it moves out of their scope.
    /// </summary>
    public static string Qualified(string id, string kind, string group) =>
        Contracts.Grains.ScopeItems.Group(kind, group) + "/" + Contracts.Grains.ScopeItems.Machine(id);
}
