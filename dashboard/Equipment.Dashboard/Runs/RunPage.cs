using Equipment.Domain.Truck;

namespace Equipment.Dashboard.Runs;

/// <summary>A page of altitude runs: <c>nextCursor</c> is null on the last page.</summary>
public sealed record RunPage(IReadOnlyList<AltitudeRun> Items, string? NextCursor);
