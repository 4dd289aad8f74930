namespace Equipment.Dashboard.TimeUse;

/// <summary>
/// One production day of <c>GET /api/tbm/{id}/time-use</c>. <c>source</c> is <c>stored</c> when the day's stored
/// summary still matched its inputs, <c>classified</c> when its raw samples were classified for this answer (the
/// figures are the same either way).
/// </summary>
public sealed record TimeUseDayView(string Date, DateTimeOffset From, DateTimeOffset To, TimeUseView TimeUse, string Source);
