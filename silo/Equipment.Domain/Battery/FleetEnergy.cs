namespace Equipment.Domain.Battery;

/// <summary><c>GET /api/fleets/{fleet}/energy</c>: rows by truck and by route leg, best (fewest kWh per 1,000 m climbed) first.</summary>
public sealed record FleetEnergy
{
    public string Fleet { get; init; } = "";
    public IReadOnlyList<EnergyRow> ByTruck { get; init; } = [];
    public IReadOnlyList<EnergyRow> ByLeg { get; init; } = [];
}
