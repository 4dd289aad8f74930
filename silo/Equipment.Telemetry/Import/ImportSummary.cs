namespace Equipment.Telemetry.Import;

/// <summary>What an import did. <see cref="Refused"/> keeps the first <see cref="LoggerImporter.MaxListedRefusals"/> rows; <see cref="RefusedCount"/> counts all.</summary>
public sealed class ImportSummary
{
    public long Rows { get; set; }

    public long Points { get; set; }

    public long Fields { get; set; }

    /// <summary>Rows whose every mapped cell was empty (a gap in the logger): nothing to store, not an error.</summary>
    public long EmptyRows { get; set; }

    public long RefusedCount { get; set; }

    public List<RefusedRow> Refused { get; } = [];

    public long Chunks { get; set; }

    /// <summary>Set when the import stopped early (the sink failed); rows after the last stored chunk were not imported.</summary>
    public string? Error { get; set; }
}
