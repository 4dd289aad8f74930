namespace Equipment.Dashboard.TimeUse;

/// <summary>The answer of <c>GET /api/tbm/{id}/time-use?from=&amp;to=</c>: each production day and their sum.</summary>
public sealed record TimeUseRangeView(string Id, string From, string To, IReadOnlyList<TimeUseDayView> Days, TimeUseView Total);
