namespace Equipment.Simulator.Trucks;

public enum TruckPhase
{
    Driving,
    Charging,
}
