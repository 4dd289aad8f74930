using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>A production day's time use as stored in <c>tbm_timeuse_day</c>, with the fingerprint of the inputs it was made from.</summary>
public sealed record StoredDaySummary(string Fingerprint, TimeUseSummary Summary);
