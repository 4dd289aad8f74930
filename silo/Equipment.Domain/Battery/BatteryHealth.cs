namespace Equipment.Domain.Battery;

/// <summary>
/// <c>GET /api/trucks/{id}/battery-health</c>: the state-of-health estimate from the qualifying charging sessions and
/// the latest imbalance and insulation figures. <see cref="SohPct"/> is null until one session qualifies;
/// <see cref="SohErrorPct"/> is the expected error (2σ, percentage points of SOH).
/// </summary>
public sealed record BatteryHealth
{
    public double RatedCapacityAh { get; init; }
    public double? EstimatedCapacityAh { get; init; }
    public double? SohPct { get; init; }
    public double? SohErrorPct { get; init; }
    public int SessionsUsed { get; init; }
    public int SessionsSeen { get; init; }
    public SohConditions Conditions { get; init; } = new(0);
    public string Method { get; init; } = BatteryHealthEstimator.Method;
    public DateTimeOffset? At { get; init; }
    public double? CellSpreadMv { get; init; }
    public double? ProbeSpreadC { get; init; }
    public double? InsulationKohm { get; init; }
    public double? InsulationOhmPerV { get; init; }
}
