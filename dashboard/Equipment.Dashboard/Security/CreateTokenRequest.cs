namespace Equipment.Dashboard.Security;

/// <summary>Body of <c>POST /api/admin/tokens</c>: a label and what the token may write (<c>all</c>, <c>site:X</c>, <c>fleet:Y</c>, <c>equipment:ID</c>, comma-separated).</summary>
public sealed record CreateTokenRequest(string? Name, string? Scope);
