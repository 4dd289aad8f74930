namespace Equipment.Simulator.Gbt32960;

/// <summary>Bits of the general alarm flags (2016 table 18, 2025 table 24) the simulated T-Box raises.</summary>
public static class GbtAlarmFlag
{
    public const int TemperatureDifference = 0;
    public const int BatteryHighTemperature = 1;
    public const int SocLow = 4;
    public const int Insulation = 11;
    public const int HighVoltageInterlock = 16;
}
