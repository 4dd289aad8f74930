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
}
