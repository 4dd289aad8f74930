namespace Equipment.Dashboard.Security;

/// <summary>
/// What part of the platform a scoped user sees: a comma-separated list of <c>site:NAME</c> (TBMs),
/// <c>fleet:NAME</c> (trucks) and <c>equipment:ID</c>, the same forms as hub scopes and device tokens.
/// A user without a scope sees everything.
/// </summary>
public sealed class UserScope
{
    private UserScope(string[] items) => Items = items;

    /// <summary>Each element, e.g. <c>site:north</c>; these are also hub group names.</summary>
    public string[] Items { get; }

    public static bool TryParse(string? text, out UserScope? scope)
    {
        scope = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0 || !items.All(i => i != "all" && Hubs.WatchScope.IsValid(i)))
        {
            return false;
        }

        scope = new UserScope(items);
        return true;
    }

    /// <summary>The user's scope, or null when the user may see everything.</summary>
    public static UserScope? Of(System.Security.Claims.ClaimsPrincipal? user) =>
        TryParse(user?.FindFirst(DashboardUser.ScopeClaim)?.Value, out var scope) ? scope : throw new InvalidOperationException("invalid scope claim");

    public bool Contains(string item) => Items.Contains(item, StringComparer.Ordinal);

    /// <summary>True when a machine of this kind, in this site or fleet, is within the scope.</summary>
    public bool Allows(string id, string kind, string? group) => Contracts.Grains.ScopeItems.Allows(Items, id, kind, group);
}
