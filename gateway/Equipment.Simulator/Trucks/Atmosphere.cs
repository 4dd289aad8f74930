namespace Equipment.Simulator.Trucks;

public static class Atmosphere
{
    public const double SeaLevelDensity = 1.225;
    public const double LapseRateCPerKm = 6.5;
    public const double SeaLevelMeanC = 15;
    public const double DiurnalAmplitudeC = 6;

    /// <summary>China Standard Time: the G318 runs in UTC+8.</summary>
    public const double LocalUtcOffsetHours = 8;

    /// <summary>
    /// International Standard Atmosphere (troposphere): 1.225·(1 − 2.25577e-5·h)^4.2559, 0.736 kg/m³ at
    /// 5,000 m. The simpler 1.225·exp(−h/8500) would give 0.680 there, 8 % low.
    /// </summary>
    public static double AirDensity(double altitudeM) =>
        SeaLevelDensity * Math.Pow(1 - 2.25577e-5 * Math.Max(altitudeM, -500), 4.2559);

    /// <summary>The coldest hour of the day at this altitude (03:00 local), °C.</summary>
    public static double ColdestC(double altitudeM) => SeaLevelMeanC - (LapseRateCPerKm * altitudeM / 1000) - DiurnalAmplitudeC;

    /// <summary>15 °C − 6.5 °C/km, warmest at 15:00 local time and coldest at 03:00.</summary>
    public static double AmbientTemperatureC(double altitudeM, DateTime timeUtc)
    {
        var localHour = (timeUtc.TimeOfDay.TotalHours + LocalUtcOffsetHours) % 24;
        return SeaLevelMeanC - LapseRateCPerKm * altitudeM / 1000
            + DiurnalAmplitudeC * Math.Cos(2 * Math.PI * (localHour - 15) / 24);
    }
}
