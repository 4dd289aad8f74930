using Equipment.Contracts.Messages;

namespace Equipment.Gateway.Gbt32960;

/// <summary>A VIN registry answer and when it was fetched (<see cref="TimeProvider.GetTimestamp"/>).</summary>
internal sealed record CachedVin(VinBinding? Binding, long FetchedTicks);
