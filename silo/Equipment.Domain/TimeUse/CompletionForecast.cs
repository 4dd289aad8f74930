namespace Equipment.Domain.TimeUse;

/// <summary>
/// When the drive reaches its target chainage at the trailing pace. <see cref="Date"/> is null when the pace is not
/// positive (the machine did not advance in the days counted); <see cref="Earliest"/>/<see cref="Latest"/> bound ± one
/// standard deviation of the time to go (<see cref="Latest"/> null when the slow side never arrives).
/// </summary>
public sealed record CompletionForecast(
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
    DateTimeOffset? Latest);
