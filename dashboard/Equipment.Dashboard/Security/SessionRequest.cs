namespace Equipment.Dashboard.Security;

/// <summary>Body of <c>POST /api/session</c>: the user's key (or the dev token in Development).</summary>
public sealed record SessionRequest(string? Key);
