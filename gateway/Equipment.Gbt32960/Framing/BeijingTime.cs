namespace Equipment.Gbt32960.Framing;

/// <summary>The standard's 6-byte time (year − 2000, month, day, hour, minute, second) in Beijing time, UTC+8, with no DST.</summary>
public static class BeijingTime
{
    public const int Bytes = 6;

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant in UTC; false for an impossible date (month 13, 31 February, second 60…).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out DateTimeOffset utc)
    {
        utc = default;
        if (bytes.Length < Bytes || bytes[0] > 99 || bytes[1] is < 1 or > 12 || bytes[2] < 1 || bytes[3] > 23 || bytes[4] > 59 || bytes[5] > 59)
        {
            return false;
        }

        var year = 2000 + bytes[0];
        if (bytes[2] > DateTime.DaysInMonth(year, bytes[1]))
        {
            return false;
        }

        utc = new DateTimeOffset(year, bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], Offset).ToUniversalTime();
        return true;
    }

    public static void Write(DateTimeOffset time, Span<byte> bytes)
    {
        var local = time.ToOffset(Offset);
        if (local.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(time), "the frame time covers 2000–2099 only");
        }

        bytes[0] = (byte)(local.Year - 2000);
        bytes[1] = (byte)local.Month;
        bytes[2] = (byte)local.Day;
        bytes[3] = (byte)local.Hour;
        bytes[4] = (byte)local.Minute;
        bytes[5] = (byte)local.Second;
    }
}
