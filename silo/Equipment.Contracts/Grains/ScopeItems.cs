namespace Equipment.Contracts.Grains;

/// <summary>
/// The scope forms shared by device tokens, users and hub groups: <c>site:NAME</c> (TBMs), <c>fleet:NAME</c>
/// (trucks), <c>equipment:ID</c>. One place for the rule "which scope item covers this machine".
/// </summary>
public static class ScopeItems
{
    /// <summary><c>site:NAME</c> for a TBM, <c>fleet:NAME</c> for a truck.</summary>
    public static string Group(string kind, string group) => (kind == "tbm" ? "site:" : "fleet:") + group;

    public static string Machine(string id) => "equipment:" + id;

    /// <summary>True when one of <paramref name="items"/> covers a machine of this kind in this site or fleet.</summary>
    public static bool Allows(IReadOnlyCollection<string> items, string id, string kind, string? group) =>
        items.Contains(Machine(id), StringComparer.Ordinal)
        || (!string.IsNullOrEmpty(group) && items.Contains(Group(kind, group), StringComparer.Ordinal));
}
