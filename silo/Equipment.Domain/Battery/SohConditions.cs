namespace Equipment.Domain.Battery;

/// <summary>
/// When a charging session may stand for the pack's capacity (see the domain README, "State of health"): ΔSOC of at
/// least <see cref="MinDeltaSocPct"/> (the SOC's ±1 pp resolution is then at most 1/20 of it), the battery between
/// <see cref="MinTempC"/> and <see cref="MaxTempC"/> all session long (LFP gives up capacity in the cold), and no
/// interval left unintegrated.
/// </summary>
public sealed record SohConditions(double RatedCapacityAh, double MinDeltaSocPct = 20, double MinTempC = 10, double MaxTempC = 45)
{
    /// <summary>Why a session is not used, or null when it is.</summary>
    public string? Exclusion(double? deltaSocPct, double? tempMinC, double? tempMaxC, double gapS) =>
        deltaSocPct is not { } d ? "no SOC"
        : d < MinDeltaSocPct ? Invariant($"ΔSOC {d:0.#} pp < {MinDeltaSocPct:0.#}")
        : tempMinC < MinTempC ? Invariant($"battery {tempMinC:0.#} °C < {MinTempC:0.#}")
        : tempMaxC > MaxTempC ? Invariant($"battery {tempMaxC:0.#} °C > {MaxTempC:0.#}")
        : gapS > 0 ? Invariant($"{gapS:0} s not integrated (gap)")
        : null;

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
