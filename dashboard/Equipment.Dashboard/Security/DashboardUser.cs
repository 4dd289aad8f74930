using System.Security.Claims;

namespace Equipment.Dashboard.Security;

/// <summary>A signed-in user as the dashboard sees one: id (for revocation checks), name, expanded roles and optional scope.</summary>
public sealed record DashboardUser(string Id, string Name, string[] Roles, string? Scope)
{
    public const string ScopeClaim = "equipment:scope";

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Id), new(ClaimTypes.Name, Name) };
        claims.AddRange(DashboardRoles.Expand(Roles).Select(r => new Claim(ClaimTypes.Role, r)));
        if (!string.IsNullOrEmpty(Scope))
        {
            claims.Add(new Claim(ScopeClaim, Scope));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
