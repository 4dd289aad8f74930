namespace Equipment.Gbt32960.Data;

/// <summary>One subsystem's (pack's) probe temperatures in °C, probe 1 first.</summary>
public sealed record ProbeTemperatures(byte Subsystem, IReadOnlyList<double?> TempsC);
