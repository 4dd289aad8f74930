namespace Equipment.Dashboard.Security;

/// <summary>
/// The dashboard's roles, each including the ones below it (an admin may do what an engineer, operator and
/// viewer may), so a user needs one role and a policy names one role.
/// </summary>
public static class DashboardRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Engineer = "engineer";
    public const string Admin = "admin";

    /// <summary>Lowest to highest.</summary>
    public static readonly string[] All = [Viewer, Operator, Engineer, Admin];

    public static bool IsKnown(string role) => Array.IndexOf(All, role) >= 0;

    /// <summary>The given roles and every role they include.</summary>
    public static string[] Expand(IEnumerable<string> roles)
    {
        var highest = roles.Select(r => Array.IndexOf(All, r)).DefaultIfEmpty(-1).Max();
        return highest < 0 ? [] : All[..(highest + 1)];
    }
}
