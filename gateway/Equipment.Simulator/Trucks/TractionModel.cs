namespace Equipment.Simulator.Trucks;

/// <summary>Longitudinal vehicle dynamics. Grade is rise over road distance, i.e. sin θ.</summary>
public static class TractionModel
{
    public const double Gravity = 9.81;

    public static double RollingForceN(VehicleParameters v, double grade) =>
        v.MassKg * Gravity * v.RollingResistance * Math.Sqrt(1 - Math.Min(1, grade * grade));

    public static double GradeForceN(VehicleParameters v, double grade) => v.MassKg * Gravity * grade;

    public static double DragForceN(VehicleParameters v, double speedMs, double altitudeM) =>
        0.5 * Atmosphere.AirDensity(altitudeM) * v.DragAreaM2 * speedMs * speedMs;

    /// <summary>Power at the wheels, W; negative when the vehicle must brake to hold its speed.</summary>
    public static double WheelPowerW(VehicleParameters v, double speedMs, double grade, double altitudeM, double accelerationMs2) =>
        (RollingForceN(v, grade) + GradeForceN(v, grade) + DragForceN(v, speedMs, altitudeM) + v.MassKg * accelerationMs2) * speedMs;

    public static double PotentialEnergyKwh(VehicleParameters v, double climbM) => v.MassKg * Gravity * climbM / 3.6e6;

    /// <summary>Splits wheel power into battery-side traction power and friction-brake power, both W.</summary>
    public static (double TractionW, double FrictionW) Split(VehicleParameters v, double wheelPowerW)
    {
        if (wheelPowerW >= 0)
        {
            return (wheelPowerW / v.DrivetrainEfficiency, 0);
        }

        var braking = -wheelPowerW;
        var regen = Math.Min(braking * (1 - v.FrictionBlendShare), v.MaxRegenWheelKw * 1000);
        return (-regen * v.RegenEfficiency, braking - regen);
    }
}
