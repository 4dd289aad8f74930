namespace Equipment.Simulator.Gbt32960;

/// <summary>GB/T 32960 times are Beijing time (UTC+8, no daylight saving).</summary>
public static class GbtTime
{
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static DateTime ToBeijing(DateTime utc)
    {
        var t = DateTime.SpecifyKind(utc, DateTimeKind.Utc) + BeijingOffset;
        if (t.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(utc), utc, "GB/T 32960 years are 2000–2099");
        }

        return DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
    }

    /// <summary>The Beijing calendar day a UTC instant falls on (login serials restart every such day).</summary>
    public static DateOnly BeijingDate(DateTime utc) => DateOnly.FromDateTime(ToBeijing(utc));

    public static DateTime FromBeijing(ReadOnlySpan<byte> six) =>
        DateTime.SpecifyKind(new DateTime(2000 + six[0], six[1], six[2], six[3], six[4], six[5]) - BeijingOffset, DateTimeKind.Utc);
}
