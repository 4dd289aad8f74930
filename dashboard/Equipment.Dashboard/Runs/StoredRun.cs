using Equipment.Domain.Truck;

namespace Equipment.Dashboard.Runs;

/// <summary>A run read from a <c>truck_run</c> point, with the point's time (the run's end) in ns since the epoch.</summary>
public sealed record StoredRun(long TimeNs, AltitudeRun Run);
