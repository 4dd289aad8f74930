using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Truck;

public sealed record TruckKpis
{
    public DateTimeOffset At { get; init; }
    public DateTimeOffset? LastTelemetryAt { get; init; }
    public TruckSample Latest { get; init; }
    public AltitudeRun? CurrentRun { get; init; }
    public RoutePosition? RoutePosition { get; init; }
    public RangeEstimate? Range { get; init; }
    public BrakeWear? BrakeWear { get; init; }

    /// <summary>Altitude now and where it comes from: "measured" (altitude_m) or "derived" (route profile at the route position).</summary>
    public double? AltitudeM { get; init; }
    public string? AltitudeSource { get; init; }

    /// <summary>Ignition off, or standing and silent less than the parked silence: silence is expected, not "offline".</summary>
    public bool Parked { get; init; }

    /// <summary>Samples that arrived older than the newest one and were not applied to runs or position (they are in InfluxDB).</summary>
    public long LateSamplesIgnored { get; init; }
}
