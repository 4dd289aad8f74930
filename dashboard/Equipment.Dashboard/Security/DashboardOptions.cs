using System.ComponentModel.DataAnnotations;

namespace Equipment.Dashboard.Security;

/// <summary>Who may use the dashboard and for how long a sign-in lasts.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Users from configuration; more are managed through <c>/api/admin/users</c>.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>The development token (EQUIPMENT_DEV_TOKEN): every role, honoured only in the Development environment.</summary>
    public string? DevToken { get; set; }

    /// <summary>How long a registry answer about a key is reused: the bound on how long a removed user keeps access.</summary>
    [Range(0, 300)]
    public double KeyCacheSeconds { get; set; } = 5;

    /// <summary>A cookie session's lifetime, renewed while in use.</summary>
    [Range(0.1, 720)]
    public double SessionHours { get; set; } = 12;

    /// <summary>Shortest key accepted in configuration: short keys can be guessed.</summary>
    public const int MinKeyLength = 16;

    public IEnumerable<string> Problems()
    {
        foreach (var user in Users)
        {
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                yield return "Dashboard:Users: every user needs a Name";
            }

            if (user.Key.Length < MinKeyLength)
            {
                yield return $"Dashboard:Users: {user.Name}'s Key must have at least {MinKeyLength} characters";
            }

            if (user.Roles.Count == 0 || !user.Roles.All(DashboardRoles.IsKnown))
            {
                yield return $"Dashboard:Users: {user.Name}'s Roles must be among {string.Join(", ", DashboardRoles.All)}";
            }

            if (user.Scope is { Length: > 0 } scope && !UserScope.TryParse(scope, out _))
            {
                yield return $"Dashboard:Users: {user.Name}'s Scope must be site:NAME, fleet:NAME or equipment:ID (comma-separated)";
            }
        }
    }
}
