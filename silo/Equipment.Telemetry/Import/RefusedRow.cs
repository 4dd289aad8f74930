namespace Equipment.Telemetry.Import;

/// <summary>A row that was not imported: its line in the file (1-based) and why.</summary>
public sealed record RefusedRow(string Source, long Line, string Reason);
