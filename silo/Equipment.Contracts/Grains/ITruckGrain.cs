using Equipment.Domain.Battery;
using Equipment.Domain.Truck;

namespace Equipment.Contracts.Grains;

/// <summary>The twin of one battery-electric truck, keyed by its equipment id.</summary>
[Alias("equipment.ITruckGrain")]
public interface ITruckGrain : IEquipmentGrain
{
    /// <summary>Altitude runs, oldest first, the open one included.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<AltitudeRun[]> GetRuns();

    /// <summary>Charging sessions, oldest first, the open one included.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<ChargingSession[]> GetChargingSessions();

    /// <summary>State of health from the charging sessions, and the latest imbalance and insulation figures.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<BatteryHealth> GetBatteryHealth();
}
