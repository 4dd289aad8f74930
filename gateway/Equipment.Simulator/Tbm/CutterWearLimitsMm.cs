namespace Equipment.Simulator.Tbm;

/// <summary>Cutter change limits per position class, mm of radial wear.</summary>
public sealed record CutterWearLimitsMm(double Centre, double Face, double Gauge);
