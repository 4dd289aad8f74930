namespace Equipment.Domain.TimeUse;

/// <summary>
/// Every second of [<see cref="From"/>, <see cref="To"/>) in exactly one of boring, regrip, standstill (split by reason)
/// or no data: <c>BoringS + RegripS + StandstillS + NoDataS = (To − From)</c>.
/// </summary>
public sealed record TimeUseSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    double BoringS,
    double RegripS,
    double StandstillS,
    double NoDataS,
    IReadOnlyDictionary<StopReason, double> StandstillByReasonS,
    IReadOnlyList<TimeUseStop> Stops)
{
    public double PeriodS => (To - From).TotalSeconds;

    /// <summary>Boring time over the period's time, 0–1.</summary>
    public double Utilisation => PeriodS > 0 ? BoringS / PeriodS : 0;
}
