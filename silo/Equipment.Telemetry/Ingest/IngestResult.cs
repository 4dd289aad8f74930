using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Ingest;

/// <summary>A whole request, either all of it grouped by equipment or the first reason it was refused.</summary>
public sealed class IngestResult
{
    private IngestResult(IngestOutcome outcome, IReadOnlyList<EquipmentLines> batches, int points, LineProtocolError error)
    {
        Outcome = outcome;
        Batches = batches;
        Points = points;
        Error = error;
    }

    public IngestOutcome Outcome { get; }

    public IReadOnlyList<EquipmentLines> Batches { get; }

    public int Points { get; }

    public LineProtocolError Error { get; }

    public static IngestResult Accepted(IReadOnlyList<EquipmentLines> batches, int points) => new(IngestOutcome.Accepted, batches, points, default);

    public static IngestResult Invalid(LineProtocolError error) => new(IngestOutcome.Invalid, [], 0, error);

    public static IngestResult Forbidden(LineProtocolError error) => new(IngestOutcome.Forbidden, [], 0, error);
}
