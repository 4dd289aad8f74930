using Equipment.Domain.Alerts;

namespace Equipment.Domain.Tbm;

/// <summary>Everything a TBM twin retains; persisted by the grain as JSON. Bounded: aggregates, not raw history.</summary>
public sealed class TbmTwinState
{
    public DateTimeOffset? LastTelemetryAt { get; set; }

    /// <summary>Device time of a declared loss of connection (<c>online=false</c>) not yet followed by newer telemetry.</summary>
    public DateTimeOffset? ConnectionLostAt { get; set; }
    public TbmKpiState Kpi { get; set; } = new();
    public StrokeTrackerState Strokes { get; set; } = new();
    public List<CutterPositionState> Cutters { get; set; } = [];
    public AlertBookState Alerts { get; set; } = new();

    /// <summary>Trailing advance pace and the drive's first chainage, for the cutter plan.</summary>
    public AdvancePaceState Pace { get; set; } = new();
}
