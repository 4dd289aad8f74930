namespace Equipment.Domain.Truck;

public readonly record struct BrakePadReading(double OdometerKm, double ThicknessMm);
