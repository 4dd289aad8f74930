namespace Equipment.Domain.Battery;

/// <summary>
/// Combines the qualifying sessions into one capacity: Ĉ = Σ Ah ÷ Σ ΔSOC × 100 (a ΔSOC-weighted mean of the sessions'
/// Ah/ΔSOC, so a long charge counts more than a short one), SOH = Ĉ ÷ rated capacity. Expected error (2σ, relative):
/// 2·√(2·σ_SOC²·n ÷ (ΣΔSOC)² + σ_I²) over n sessions (two SOC readings each) with σ_SOC = <see cref="SocSigmaPct"/>
/// per reading (SOC is reported in whole per cent and the BMS's own SOC error is of that order) and σ_I =
/// <see cref="CurrentGainSigma"/> (current-sensor gain, common to every session, so it does not average out).
/// </summary>
public static class BatteryHealthEstimator
{
    public const double SocSigmaPct = 1.0;
    public const double CurrentGainSigma = 0.01;

    /// <summary>The most recent qualifying sessions used; older ones stand for an older pack.</summary>
    public const int MaxSessionsUsed = 10;

    public const string Method = "capacity = Σ(∫−I dt) ÷ ΣΔSOC over charging sessions with ΔSOC ≥ min, battery within the temperature window and no gap; SOH = capacity ÷ rated";

    /// <summary>The estimate from a tracker's state (its qualifying sessions and how many it saw).</summary>
    public static BatteryHealth Estimate(ChargingSessionState state, SohConditions conditions) =>
        Estimate(state.Qualified, conditions, state.SessionsSeen);

    /// <summary>The estimate from sessions (those with an SOH are used).</summary>
    public static BatteryHealth Estimate(IReadOnlyList<ChargingSession> sessions, SohConditions conditions) =>
        Estimate([.. sessions.Where(s => s.SohPct is not null && s.EndSocPct is not null && s.StartSocPct is not null)
            .Select(s => new SohSample(s.End, s.ChargeAh, s.EndSocPct!.Value - s.StartSocPct!.Value))], conditions, sessions.Count);

    public static BatteryHealth Estimate(IReadOnlyList<SohSample> qualified, SohConditions conditions, long seen)
    {
        var used = qualified.OrderBy(s => s.End).TakeLast(MaxSessionsUsed).ToList();
        var health = new BatteryHealth { RatedCapacityAh = conditions.RatedCapacityAh, Conditions = conditions, SessionsSeen = (int)Math.Min(int.MaxValue, seen), SessionsUsed = used.Count };
        if (used.Count == 0) return health;
        var sumAh = used.Sum(s => s.ChargeAh);
        var sumSoc = used.Sum(s => s.DeltaSocPct);
        var capacity = sumAh / sumSoc * 100;
        var soh = capacity / conditions.RatedCapacityAh * 100;
        var relative = 2 * Math.Sqrt((2 * SocSigmaPct * SocSigmaPct * used.Count / (sumSoc * sumSoc)) + (CurrentGainSigma * CurrentGainSigma));
        return health with
        {
            EstimatedCapacityAh = Math.Round(capacity, 2),
            SohPct = Math.Round(soh, 2),
            SohErrorPct = Math.Round(soh * relative, 2),
            At = used[^1].End,
        };
    }
}
