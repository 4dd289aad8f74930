using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Equipment.Domain.TimeUse;

/// <summary>
/// When a production day's stored time-use summary may stand in for classifying its raw samples (domain README,
/// "Stored day summaries"). A day's classification reads the samples of [from − <see cref="ShiftReportBuilder.LookBack"/>, to)
/// and the operators' assignments of stops that start there; the summary records a fingerprint of everything else it
/// depended on (classifier version, bounds, regrip limit, those assignments, the late-data marks of those hours) and
/// is used only while the fingerprint is unchanged. Samples written on time cannot change a stored day: a summary is
/// only made once the day ended <see cref="SettleAfter"/> ago, and anything older than <see cref="LateAfter"/> when
/// written leaves a <see cref="LateDataMark"/>.
/// </summary>
public static class TimeUseDaySummaries
{
    /// <summary>Bumped whenever <see cref="TimeUseClassifier"/> or this rule changes: every older summary is then stale.</summary>
    public const int Version = 1;

    /// <summary>A <c>tbm</c> sample older than this when the silo writes it marks its hour late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long after its end a day may be summarised: more than <see cref="LateAfter"/> plus the spread of clocks between
    /// the silo and the dashboard, so every sample not yet stored then is late when it comes.
    /// </summary>
    public static readonly TimeSpan SettleAfter = TimeSpan.FromMinutes(15);

    /// <summary>True when the day ending at <paramref name="to"/> may be stored at <paramref name="now"/>.</summary>
    public static bool CanStore(DateTimeOffset to, DateTimeOffset now) => to + SettleAfter <= now;

    /// <summary>The start of the hour (UTC) holding <paramref name="t"/>: where a late sample's mark goes.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>
    /// Fingerprint of the inputs of day [<paramref name="from"/>, <paramref name="to"/>) besides its on-time samples: only
    /// the assignments of stops starting in the classified window and the marks of hours overlapping it count, in any order.
    /// </summary>
    public static string Fingerprint(DateTimeOffset from, DateTimeOffset to, double regripMaxSeconds,
        IEnumerable<StopReasonAssignment> assignments, IEnumerable<LateDataMark> marks)
    {
        var windowFrom = from - ShiftReportBuilder.LookBack;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"v{Version};{from.ToUnixTimeMilliseconds()};{to.ToUnixTimeMilliseconds()};{regripMaxSeconds:R};{TimeUseClassifier.MaxSampleGapSeconds:R};{ShiftReportBuilder.LookBack.Ticks}");
        foreach (var a in assignments.Where(a => a.StopStart >= windowFrom && a.StopStart < to)
                     .Select(a => (Start: a.StopStart.ToUnixTimeMilliseconds(), At: a.At.ToUnixTimeMilliseconds(), Reason: (int)a.Reason))
                     .Order())
        {
            text.Append(CultureInfo.InvariantCulture, $";a{a.Start},{a.At},{a.Reason}");
        }

        var firstHour = HourOf(windowFrom);
        foreach (var m in marks.Where(m => m.HourStart >= firstHour && m.HourStart < to)
                     .Select(m => (Hour: m.HourStart.ToUnixTimeMilliseconds(), m.Nonce))
                     .Order())
        {
            text.Append(CultureInfo.InvariantCulture, $";m{m.Hour},{m.Nonce}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    /// <summary>
    /// The sum of consecutive days as one period [<paramref name="from"/>, <paramref name="to"/>), without stops: seconds
    /// added day by day in order, so the same days give the same total to the last bit however they were obtained.
    /// </summary>
    public static TimeUseSummary Total(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TimeUseSummary> days)
    {
        var byReason = new Dictionary<StopReason, double>();
        foreach (var (reason, seconds) in days.SelectMany(d => d.StandstillByReasonS))
        {
            byReason[reason] = byReason.GetValueOrDefault(reason) + seconds;
        }

        return new TimeUseSummary(from, to, days.Sum(d => d.BoringS), days.Sum(d => d.RegripS), days.Sum(d => d.StandstillS), days.Sum(d => d.NoDataS), byReason, []);
    }
}
