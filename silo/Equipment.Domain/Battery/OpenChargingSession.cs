namespace Equipment.Domain.Battery;

/// <summary>
/// Accumulators of a session in progress. Whatever was integrated after the last charging sample is held apart
/// (<c>Pending…</c>) until charging goes on (then it counts) or the session closes (then it is dropped).
/// </summary>
public sealed class OpenChargingSession
{
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset LastChargingAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public double? StartSocPct { get; set; }
    public double? LastChargingSocPct { get; set; }
    public double? LastCurrentA { get; set; }
    public double? LastPowerKw { get; set; }
    public double ChargeAh { get; set; }
    public double EnergyKwh { get; set; }
    public double GapS { get; set; }
    public double PendingAh { get; set; }
    public double PendingKwh { get; set; }
    public double PendingGapS { get; set; }
    public double PeakPowerKw { get; set; }
    public double? TempMinC { get; set; }
    public double? TempMaxC { get; set; }
}
