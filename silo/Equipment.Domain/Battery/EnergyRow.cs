namespace Equipment.Domain.Battery;

/// <summary>
/// One row of the fleet energy table: a truck or a route leg, summed over its closed runs. Net energy = drawn −
/// regenerated + auxiliary, as the runs count it. Per-climb and per-distance figures are null below 100 m of ascent or 1 km.
/// </summary>
public sealed record EnergyRow
{
    public string Key { get; init; } = "";
    public int Runs { get; init; }
    public int Trucks { get; init; }
    public double DistanceKm { get; init; }
    public double AscentM { get; init; }
    public double NetEnergyKwh { get; init; }
    public double? KwhPer1000mClimb { get; init; }
    public double? KwhPer100Km { get; init; }
}
