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

    /// <summary>
    /// Route km of charging points the truck uses; null or empty means the route's charging-point list
    /// (data/routes, chargers of at least <see cref="MinChargerKw"/>), or every town for a route without a list.
    /// </summary>
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

    /// <summary>Electrical load besides traction at any temperature (electronics, pumps, fans, compressor), kW.</summary>
    public double AuxiliaryBaseKw { get; set; } = 1.0;

    /// <summary>Cabin and pack heating per kelvin of ambient below <see cref="HeatingComfortC"/>, kW/K.</summary>
    public double HeatingKwPerK { get; set; } = 0.1;

    public double HeatingComfortC { get; set; } = 18.0;

    /// <summary>Cap of the heating load (PTC cabin heater + pack heater), kW.</summary>
    public double MaxHeatingKw { get; set; } = 5.0;

    /// <summary>Smallest charger power the truck can use (a charger slower than this is not a charging point for it), kW.</summary>
    public double MinChargerKw { get; set; } = 20.0;

    /// <summary>
    /// A truck whose last report was standing (speed &lt; 1 km/h) is "parked", not offline, for this long without
    /// telemetry (a night at a guest house); ignition off is parked without a limit. Hours.
    /// </summary>
    public double ParkedSilenceH { get; set; } = 16.0;

    /// <summary>
    /// Rated (nameplate) capacity of the pack, Ah: the state of health's 100 %. Default 100 kWh ÷ 365 V nominal
    /// (the simulated 96-cell pack runs from 330 V empty to 400 V full open-circuit; 365 V is its middle).
    /// </summary>
    public double RatedCapacityAh { get; set; } = 274.0;

    /// <summary>Smallest ΔSOC of a charging session used for the SOH estimate, percentage points.</summary>
    public double SohMinDeltaSocPct { get; set; } = 20.0;

    /// <summary>Battery temperature window a session must stay inside to count for SOH, °C.</summary>
    public double SohMinTempC { get; set; } = 10.0;

    public double SohMaxTempC { get; set; } = 45.0;

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
        if (!(AuxiliaryBaseKw >= 0)) errors.Add($"auxiliaryBaseKw must be >= 0 (was {AuxiliaryBaseKw}).");
        if (!(HeatingKwPerK >= 0)) errors.Add($"heatingKwPerK must be >= 0 (was {HeatingKwPerK}).");
        if (!double.IsFinite(HeatingComfortC)) errors.Add($"heatingComfortC must be a number (was {HeatingComfortC}).");
        if (!(MaxHeatingKw >= 0)) errors.Add($"maxHeatingKw must be >= 0 (was {MaxHeatingKw}).");
        if (!(MinChargerKw >= 0)) errors.Add($"minChargerKw must be >= 0 (was {MinChargerKw}).");
        if (!(ParkedSilenceH >= 0)) errors.Add($"parkedSilenceH must be >= 0 (was {ParkedSilenceH}).");
        if (!(RatedCapacityAh > 0)) errors.Add($"ratedCapacityAh must be > 0 (was {RatedCapacityAh}).");
        if (!(SohMinDeltaSocPct >= 1 && SohMinDeltaSocPct <= 100)) errors.Add($"sohMinDeltaSocPct must be in [1, 100] (was {SohMinDeltaSocPct}).");
        if (!(SohMinTempC < SohMaxTempC)) errors.Add($"sohMinTempC must be < sohMaxTempC (was {SohMinTempC} / {SohMaxTempC}).");
        return errors;
    }

    /// <summary>The SOH estimate's conditions from these parameters.</summary>
    public Battery.SohConditions SohConditions() => new(RatedCapacityAh, SohMinDeltaSocPct, SohMinTempC, SohMaxTempC);
}
