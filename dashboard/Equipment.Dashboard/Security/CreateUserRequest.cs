namespace Equipment.Dashboard.Security;

/// <summary>Body of <c>POST /api/admin/users</c>: name, roles and an optional scope limiting what the user sees.</summary>
public sealed record CreateUserRequest(string? Name, string[]? Roles, string? Scope);
