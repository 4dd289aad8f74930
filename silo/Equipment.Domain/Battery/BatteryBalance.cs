using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Battery;

/// <summary>
/// The three imbalance and isolation figures of a traction pack, from what the T-Box reports: cell-voltage spread
/// (highest − lowest cell, mV), probe temperature difference (highest − lowest probe, K) and insulation resistance
/// (kΩ, and Ω per volt of pack voltage, the unit GB 18384-2020 sets its limits in).
/// </summary>
public static class BatteryBalance
{
    /// <summary>(max − min) × 1000 from the extremes; null unless both are present.</summary>
    public static double? CellSpreadMv(TruckSample s) =>
        s.CellVoltageMaxV is { } max && s.CellVoltageMinV is { } min ? Math.Round((max - min) * 1000, 1) : null;

    /// <summary>Highest − lowest probe temperature; null unless both are present.</summary>
    public static double? ProbeSpreadC(TruckSample s) =>
        s.BatteryTempC is { } max && s.BatteryTempMinC is { } min ? Math.Round(max - min, 2) : null;

    /// <summary>Insulation resistance per volt of pack voltage (Ω/V); null without both or below 1 V.</summary>
    public static double? InsulationOhmPerV(TruckSample s) =>
        s.InsulationKohm is { } r && s.BatteryVoltageV is > 1 and var v ? Math.Round(r * 1000 / v, 1) : null;

    /// <summary>Spread of an array of cell voltages in mV (the <c>truck_cells</c> fields); null when empty.</summary>
    public static double? SpreadMv(IReadOnlyCollection<double> cellMv) =>
        cellMv.Count == 0 ? null : cellMv.Max() - cellMv.Min();
}
