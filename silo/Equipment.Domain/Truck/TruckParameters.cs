namespace Equipment.Domain.Truck;

/// <summary>
/// Parameters of a battery-electric light truck and of the route model used for its range estimate.
/// Defaults describe the 4.5 t, 100 kWh truck of the G318 altitude run. Mutable for JSON binding and storage.
/// </summary>
public sealed class TruckParameters
{
    public double MassKg { get; set; } = 4500.0;
    public double BatteryCapacityKwh { get; set; } = 100.0;
    public double RatedMotorTempC { get; set; } = 120.0;
    public double RatedInverterTempC { get; set; } = 85.0;
    public double BatteryTempMaxC { get; set; } = 55.0;
    public double BatteryTempMinC { get; set; } = -20.0;

    /// <summary>Route the truck runs, e.g. "g318"; null when it does not follow a known route.</summary>
    public string? RouteId { get; set; } = "g318";

    /// <summary>Odometer reading at route km 0, so route km = odometer − this.</summary>
    public double RouteStartOdometerKm { get; set; }

    /// <summary>Battery energy that must remain on arrival, % of capacity.</summary>
    public double ReservePct { get; set; } = 10.0;

    /// <summary>Route km of charging points; null or empty means every town on the route.</summary>
    public double[]? ChargingPointsKm { get; set; }

    /// <summary>Speed assumed ahead for the aerodynamic part of the range estimate, km/h.</summary>
    public double PlannedSpeedKmh { get; set; } = 60.0;

    /// <summary>Drag coefficient × frontal area, m².</summary>
    public double DragAreaM2 { get; set; } = 2.0;

    public double RollingResistanceCoefficient { get; set; } = 0.012;

    /// <summary>Battery-to-wheel efficiency while driving.</summary>
    public double DrivetrainEfficiency { get; set; } = 0.9;

    /// <summary>Share of surplus wheel energy on descents returned to the battery.</summary>
    public double RegenEfficiency { get; set; } = 0.6;

    /// <summary>Brake-pad thickness at which the pads must be changed, mm.</summary>
    public double BrakePadMinMm { get; set; } = 3.0;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(MassKg > 0)) errors.Add($"massKg must be > 0 (was {MassKg}).");
        if (!(BatteryCapacityKwh > 0)) errors.Add($"batteryCapacityKwh must be > 0 (was {BatteryCapacityKwh}).");
        if (!(BatteryTempMinC < BatteryTempMaxC)) errors.Add($"batteryTempMinC must be < batteryTempMaxC (was {BatteryTempMinC} / {BatteryTempMaxC}).");
        if (!(RatedMotorTempC > 0)) errors.Add($"ratedMotorTempC must be > 0 (was {RatedMotorTempC}).");
        if (!(RatedInverterTempC > 0)) errors.Add($"ratedInverterTempC must be > 0 (was {RatedInverterTempC}).");
        if (!(ReservePct >= 0 && ReservePct < 100)) errors.Add($"reservePct must be in [0, 100) (was {ReservePct}).");
        if (ChargingPointsKm?.Any(km => !(km >= 0)) == true) errors.Add("chargingPointsKm must all be >= 0.");
        if (!(PlannedSpeedKmh > 0)) errors.Add($"plannedSpeedKmh must be > 0 (was {PlannedSpeedKmh}).");
        if (!(DragAreaM2 >= 0)) errors.Add($"dragAreaM2 must be >= 0 (was {DragAreaM2}).");
        if (!(RollingResistanceCoefficient >= 0)) errors.Add($"rollingResistanceCoefficient must be >= 0 (was {RollingResistanceCoefficient}).");
        if (!(DrivetrainEfficiency > 0 && DrivetrainEfficiency <= 1)) errors.Add($"drivetrainEfficiency must be in (0, 1] (was {DrivetrainEfficiency}).");
        if (!(RegenEfficiency >= 0 && RegenEfficiency <= 1)) errors.Add($"regenEfficiency must be in [0, 1] (was {RegenEfficiency}).");
        if (!(BrakePadMinMm >= 0)) errors.Add($"brakePadMinMm must be >= 0 (was {BrakePadMinMm}).");
        return errors;
    }
}
