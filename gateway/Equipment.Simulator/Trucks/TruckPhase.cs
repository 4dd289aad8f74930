namespace Equipment.Simulator.Trucks;

public enum TruckPhase
{
    Driving,
    Charging,

    /// <summary>Stopped for the night at a town, ignition off (charging there if the battery needs it).</summary>
    Parked,
}
