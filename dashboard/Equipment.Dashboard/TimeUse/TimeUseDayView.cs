namespace Equipment.Dashboard.TimeUse;

/// <summary>One production day of <c>GET /api/tbm/{id}/time-use</c>.</summary>
public sealed record TimeUseDayView(string Date, DateTimeOffset From, DateTimeOffset To, TimeUseView TimeUse);
