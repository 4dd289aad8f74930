namespace Equipment.Domain.Battery;

/// <summary>
/// One charging session as returned by <c>GET /api/trucks/{id}/charging-sessions</c>: from the first to the last sample
/// that was charging. <see cref="ChargeAh"/> is the net charge that went in (∫ −I dt, current positive = discharge);
/// <see cref="CapacityAh"/> = ChargeAh ÷ ΔSOC (null when ΔSOC &lt; 1 pp); <see cref="SohPct"/> is set only when the
/// session meets the estimate's conditions, otherwise <see cref="Excluded"/> says why not.
/// </summary>
public sealed record ChargingSession
{
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    public double? StartSocPct { get; init; }
    public double? EndSocPct { get; init; }
    public double EnergyKwh { get; init; }
    public double ChargeAh { get; init; }
    public double PeakPowerKw { get; init; }
    public double? BatteryTempMinC { get; init; }
    public double? BatteryTempMaxC { get; init; }

    /// <summary>Seconds between samples longer than the integration gap: not integrated, so Ah and kWh are short by that much.</summary>
    public double GapS { get; init; }

    public double? CapacityAh { get; init; }
    public double? SohPct { get; init; }
    public string? Excluded { get; init; }

    public double DurationS => (End - Start).TotalSeconds;
}
