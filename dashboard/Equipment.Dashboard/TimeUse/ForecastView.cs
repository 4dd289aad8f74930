using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>The completion forecast (domain README, "Completion forecast").</summary>
public sealed record ForecastView(
    double TargetChainageM,
    double ChainageM,
    double RemainingM,
    int DaysCounted,
    double PaceMPerDay,
    double PaceSdMPerDay,
    double? DaysToGo,
    double? SpreadDays,
    DateTimeOffset? Date,
    DateTimeOffset? Earliest,
    DateTimeOffset? Latest)
{
    public static ForecastView From(CompletionForecast f) => new(
        f.TargetChainageM, f.ChainageM, Math.Round(f.RemainingM, 3), f.DaysCounted, Math.Round(f.PaceMPerDay, 3), Math.Round(f.PaceSdMPerDay, 3),
        f.DaysToGo is { } d ? Math.Round(d, 3) : null, f.SpreadDays is { } s ? Math.Round(s, 3) : null, f.Date, f.Earliest, f.Latest);
}
