namespace Equipment.Gbt32960.Data;

/// <summary>Info type 0x04 (2025 keeps only the crankshaft speed).</summary>
public sealed record EngineData(byte? State, double? CrankshaftRpm, double? FuelLPer100Km);
