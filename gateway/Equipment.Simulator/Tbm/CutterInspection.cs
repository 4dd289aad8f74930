namespace Equipment.Simulator.Tbm;

public sealed record CutterInspection(int Position, double MeasuredWearMm, bool Replaced);
