using Equipment.Domain.Alerts;
using Equipment.Domain.Battery;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Truck;

/// <summary>Everything a truck twin retains; persisted by the grain as JSON. Bounded.</summary>
public sealed class TruckTwinState
{
    public DateTimeOffset? LastTelemetryAt { get; set; }

    /// <summary>Device time of a declared loss of connection (<c>online=false</c>) not yet followed by newer telemetry.</summary>
    public DateTimeOffset? ConnectionLostAt { get; set; }

    /// <summary>Wall-clock time the newest sample was received; with <see cref="LastTelemetryAt"/> it gives the device's clock now.</summary>
    public DateTimeOffset? LastReceivedAt { get; set; }

    /// <summary>Device time of the last sample that carried <c>altitude_m</c>.</summary>
    public DateTimeOffset? LastMeasuredAltitudeAt { get; set; }

    /// <summary>Samples older than the newest one (re-sent frames, spool replay): stored in InfluxDB, not applied to runs or position.</summary>
    public long LateSamplesIgnored { get; set; }

    public RouteTrackState Route { get; set; } = new();

    /// <summary>Last reported value of every field (partial lines merged).</summary>
    public TruckSample Latest { get; set; }

    public AltitudeRunTrackerState Runs { get; set; } = new();
    public BrakeWearState Brake { get; set; } = new();
    public AlertBookState Alerts { get; set; } = new();

    public ChargingSessionState Charging { get; set; } = new();

    /// <summary>Route km where the open altitude run started (its leg's start).</summary>
    public double? OpenRunStartRouteKm { get; set; }
}
