namespace Equipment.Gbt32960.Data;

/// <summary>
/// One subsystem's (2025: battery pack's) cell voltages. <see cref="FirstCell"/> is the 1-based number of <c>Cells[0]</c>
/// (2016 frames may carry a slice of a long string; 2025 frames always start at cell 1).
/// </summary>
public sealed record CellVoltages(byte Subsystem, double? VoltageV, double? CurrentA, int TotalCells, int FirstCell, IReadOnlyList<double?> CellsV);
