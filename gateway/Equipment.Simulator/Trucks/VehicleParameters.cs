namespace Equipment.Simulator.Trucks;

/// <summary>A ~4.5 t battery-electric light truck with a ~100 kWh LFP pack (the G318 run's class).</summary>
public sealed record VehicleParameters
{
    public double MassKg { get; init; } = 4500;
    public double BatteryKwh { get; init; } = 100;
    public double RollingResistance { get; init; } = 0.012;

    /// <summary>Drag coefficient × frontal area of a box-bodied light truck (Cd ≈ 0.6, A ≈ 4.5 m²).</summary>
    public double DragAreaM2 { get; init; } = 2.7;

    public double DrivetrainEfficiency { get; init; } = 0.9;

    /// <summary>Share of the regenerated wheel braking energy that reaches the battery.</summary>
    public double RegenEfficiency { get; init; } = 0.6;

    /// <summary>Wheel braking power the motor can absorb; the friction brakes take the rest.</summary>
    public double MaxRegenWheelKw { get; init; } = 45;

    /// <summary>Friction share of blended braking even below the regen limit.</summary>
    public double FrictionBlendShare { get; init; } = 0.15;

    public double MaxTractionKw { get; init; } = 130;
    public double AuxiliaryKw { get; init; } = 1.5;

    /// <summary>Cabin and pack heating per kelvin of ambient below <see cref="HeatingComfortC"/>, capped at <see cref="MaxHeatingKw"/> (the platform's model).</summary>
    public double HeatingKwPerK { get; init; } = 0.1;

    public double HeatingComfortC { get; init; } = 18;
    public double MaxHeatingKw { get; init; } = 5;

    /// <summary>
    /// Thermal management: the pack heater keeps the cells at least this warm while the truck is on or plugged in
    /// (LFP must not be charged below 0 °C and loses capacity in the cold); its power is part of the heating load.
    /// </summary>
    public double PackMinC { get; init; } = 10;
    public double ChargerKw { get; init; } = 60;
    public double PackResistanceOhm { get; init; } = 0.05;
    public double OpenCircuitEmptyV { get; init; } = 330;
    public double OpenCircuitFullV { get; init; } = 400;

    /// <summary>
    /// Nameplate capacity, Ah: <see cref="BatteryKwh"/> at the mean open-circuit voltage (100 kWh ÷ 365 V = 274 Ah, the
    /// platform's default <c>ratedCapacityAh</c>). SOC is counted in coulombs against this × <see cref="CapacityFactor"/>.
    /// </summary>
    public double RatedCapacityAh => BatteryKwh * 1000 / ((OpenCircuitEmptyV + OpenCircuitFullV) / 2);

    /// <summary>What is left of the rated capacity (state of health): 0.92 = an aged pack holding 92 % of it.</summary>
    public double CapacityFactor { get; init; } = 1.0;

    /// <summary>Pack heat capacity, J/K (~600 kg of cells and coolant).</summary>
    public double PackHeatCapacityJPerK { get; init; } = 6e5;

    /// <summary>Pack-to-ambient heat transfer at sea-level air density, W/K.</summary>
    public double PackCoolingWPerK { get; init; } = 150;

    public double BrakePadNewMm { get; init; } = 12;

    /// <summary>Pad wear per kWh dissipated by the friction brakes.</summary>
    public double BrakeWearMmPerKwh { get; init; } = 0.02;

    public double CruiseKmh { get; init; } = 70;
}
