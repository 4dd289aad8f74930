using Equipment.Domain.TimeUse;

namespace Equipment.Dashboard.TimeUse;

/// <summary>Seconds of a period by class; <c>standstillByReason</c> keys are the reason names (README, "Stop reasons").</summary>
public sealed record TimeUseView(
    double PeriodS,
    double BoringS,
    double RegripS,
    double StandstillS,
    double NoDataS,
    double Utilisation,
    IReadOnlyDictionary<string, double> StandstillByReasonS)
{
    public static TimeUseView From(TimeUseSummary t) => new(
        t.PeriodS, Math.Round(t.BoringS, 3), Math.Round(t.RegripS, 3), Math.Round(t.StandstillS, 3), Math.Round(t.NoDataS, 3),
        Math.Round(t.Utilisation, 6),
        t.StandstillByReasonS.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).ToDictionary(kv => StopReasons.Name(kv.Key), kv => Math.Round(kv.Value, 3)));
}
