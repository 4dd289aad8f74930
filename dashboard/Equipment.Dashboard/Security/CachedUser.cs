namespace Equipment.Dashboard.Security;

/// <summary>A registry answer (a user, or null for none) and when it was fetched.</summary>
internal sealed record CachedUser(DashboardUser? User, long FetchedTicks);
