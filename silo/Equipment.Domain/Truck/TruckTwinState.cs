using Equipment.Domain.Alerts;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Truck;

/// <summary>Everything a truck twin retains; persisted by the grain as JSON. Bounded.</summary>
public sealed class TruckTwinState
{
    public DateTimeOffset? LastTelemetryAt { get; set; }

    /// <summary>Last reported value of every field (partial lines merged).</summary>
    public TruckSample Latest { get; set; }

    public AltitudeRunTrackerState Runs { get; set; } = new();
    public BrakeWearState Brake { get; set; } = new();
    public AlertBookState Alerts { get; set; } = new();
}
