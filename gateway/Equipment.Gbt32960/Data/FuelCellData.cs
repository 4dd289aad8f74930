namespace Equipment.Gbt32960.Data;

/// <summary>Info type 0x03: the 2016 fuel cell (voltage, current, consumption, probes) or the 2025 hydrogen system (no probes, remaining H₂).</summary>
public sealed record FuelCellData(
    double? VoltageV,
    double? CurrentA,
    double? ConsumptionKgPer100Km,
    IReadOnlyList<double?> ProbeTempsC,
    double? HydrogenMaxTempC,
    double? HydrogenMaxConcentration,
    double? HydrogenMaxPressureMpa,
    byte? DcDcState,
    double? HydrogenRemainingPct);
