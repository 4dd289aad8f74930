namespace Equipment.Dashboard.History;

/// <summary>
/// Where a range is read from: raw points (≤ 6 h), the 1-minute rollup (≤ 7 days) or the 1-hour rollup beyond, so a
/// month of 1 Hz data is a few hundred rows from a rollup instead of millions of raw points.
/// </summary>
public sealed record HistoryTier(string Name, string? RetentionPolicy, TimeSpan Resolution, TimeSpan MaxRange)
{
    public static readonly HistoryTier Raw = new("raw", null, TimeSpan.FromSeconds(1), TimeSpan.FromHours(6));
    public static readonly HistoryTier Minute = new("1m", "rollup_1m", TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
    public static readonly HistoryTier Hour = new("1h", "rollup_1h", TimeSpan.FromHours(1), TimeSpan.MaxValue);

    public static HistoryTier For(TimeSpan range) =>
        range <= Raw.MaxRange ? Raw : range <= Minute.MaxRange ? Minute : Hour;

    /// <summary>A rollup's continuous query stores <c>mean(*)</c>, which names each field <c>mean_FIELD</c>.</summary>
    public string StoredField(string field) => RetentionPolicy is null ? field : "mean_" + field;
}
