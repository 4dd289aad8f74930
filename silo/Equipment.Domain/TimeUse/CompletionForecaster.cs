using Equipment.Domain.Tbm;

namespace Equipment.Domain.TimeUse;

/// <summary>
/// Completion date at the trailing pace (domain README, "Completion forecast"): with the advances a₁…aₙ of the last
/// n complete production days (n ≤ 7), pace p = mean(a), s = their sample standard deviation, remaining R:
/// days to go d = R / p, spread δ = s·√d / p (the advance after d days has standard deviation s·√d, which at
/// pace p is δ days), dates now + d and now + d ∓ δ.
/// </summary>
public static class CompletionForecaster
{
    public const int TrailingDays = 7;

    public static CompletionForecast Forecast(double targetChainageM, double chainageM, IReadOnlyList<double> dailyAdvancesM, DateTimeOffset now)
    {
        var remaining = Math.Max(0, targetChainageM - chainageM);
        var n = dailyAdvancesM.Count;
        var pace = n > 0 ? dailyAdvancesM.Average() : 0;
        var sd = n > 1 ? Math.Sqrt(dailyAdvancesM.Sum(a => (a - pace) * (a - pace)) / (n - 1)) : 0;
        if (remaining <= 0)
        {
            return new CompletionForecast(targetChainageM, chainageM, 0, n, pace, sd, 0, 0, now, now, now);
        }

        if (!(pace > 0))
        {
            return new CompletionForecast(targetChainageM, chainageM, remaining, n, pace, sd, null, null, null, null, null);
        }

        var days = remaining / pace;
        var spread = sd * Math.Sqrt(days) / pace;
        var earliest = now.AddDays(Math.Max(0, days - spread));
        var latest = now.AddDays(days + spread);
        return new CompletionForecast(targetChainageM, chainageM, remaining, n, pace, sd, days, spread, now.AddDays(days), earliest, latest);
    }

    /// <summary>
    /// Advance of each of the last <see cref="TrailingDays"/> complete production days before the one containing
    /// <paramref name="now"/>: the furthest chainage reached by a day's end minus the furthest reached by the previous
    /// day's end. Days before the first chainage seen are not counted (a drive that began three days ago has three days);
    /// a day without data after that advanced 0 m.
    /// </summary>
    public static IReadOnlyList<double> DailyAdvances(TbmParameters parameters, IEnumerable<(DateTimeOffset Time, double ChainageM)> chainage, DateTimeOffset now)
    {
        var calendar = new ShiftCalendar(parameters);
        var today = calendar.ProductionDayStart(now);
        var dayStarts = new List<DateTimeOffset> { today };
        for (var i = 0; i < TrailingDays; i++)
        {
            dayStarts.Insert(0, calendar.ProductionDayStart(dayStarts[0].AddHours(-1)));
        }

        var points = chainage.Where(p => double.IsFinite(p.ChainageM) && p.Time < today).OrderBy(p => p.Time).ToList();
        if (points.Count == 0) return [];

        var advances = new List<double>();
        double? furthest = null;
        var k = 0;
        while (k < points.Count && points[k].Time < dayStarts[0])
        {
            furthest = Math.Max(furthest ?? points[k].ChainageM, points[k].ChainageM);
            k++;
        }

        for (var d = 0; d < TrailingDays; d++)
        {
            var end = dayStarts[d + 1];
            double? dayMax = null;
            double? first = null;
            while (k < points.Count && points[k].Time < end)
            {
                first ??= points[k].ChainageM;
                dayMax = Math.Max(dayMax ?? points[k].ChainageM, points[k].ChainageM);
                k++;
            }

            if (furthest is null && first is null) continue; // the drive has not started yet
            var baseline = furthest ?? first!.Value;
            var reached = Math.Max(baseline, dayMax ?? baseline);
            advances.Add(reached - baseline);
            furthest = reached;
        }

        return advances;
    }
}
