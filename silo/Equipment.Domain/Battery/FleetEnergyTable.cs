using Equipment.Domain.Truck;

namespace Equipment.Domain.Battery;

/// <summary>
/// Builds the fleet energy table from closed altitude runs. A group's figure is Σ net kWh ÷ Σ ascent × 1000 and
/// Σ net kWh ÷ Σ km × 100 (ratios of sums, so a long run weighs more than a short one, unlike a mean of per-run
/// ratios). Rows are ordered best to worst by kWh per 1,000 m climbed, then by kWh per 100 km; rows without a
/// per-climb figure (ascent &lt; 100 m) come last.
/// </summary>
public static class FleetEnergyTable
{
    public const double MinAscentM = 100;
    public const double MinDistanceKm = 1;

    public static FleetEnergy Build(string fleet, IEnumerable<(string TruckId, IReadOnlyList<AltitudeRun> Runs)> trucks)
    {
        var closed = trucks.SelectMany(t => t.Runs.Where(r => r.End is not null).Select(r => (t.TruckId, Run: r))).ToList();
        return new FleetEnergy
        {
            Fleet = fleet,
            ByTruck = Order(closed.GroupBy(x => x.TruckId).Select(g => Row(g.Key, g.ToList()))),
            ByLeg = Order(closed.Where(x => x.Run.Leg is not null).GroupBy(x => x.Run.Leg!).Select(g => Row(g.Key, g.ToList()))),
        };
    }

    private static EnergyRow Row(string key, List<(string TruckId, AltitudeRun Run)> runs)
    {
        var km = runs.Sum(x => x.Run.DistanceKm);
        var ascent = runs.Sum(x => x.Run.AscentM);
        var net = runs.Sum(x => x.Run.EnergyKwh - x.Run.RegenKwh + x.Run.AuxiliaryKwh);
        return new EnergyRow
        {
            Key = key,
            Runs = runs.Count,
            Trucks = runs.Select(x => x.TruckId).Distinct().Count(),
            DistanceKm = Math.Round(km, 2),
            AscentM = Math.Round(ascent, 1),
            NetEnergyKwh = Math.Round(net, 3),
            KwhPer1000mClimb = ascent >= MinAscentM ? Math.Round(net / ascent * 1000, 2) : null,
            KwhPer100Km = km >= MinDistanceKm ? Math.Round(net / km * 100, 2) : null,
        };
    }

    private static List<EnergyRow> Order(IEnumerable<EnergyRow> rows) =>
        [.. rows.OrderBy(r => r.KwhPer1000mClimb is null).ThenBy(r => r.KwhPer1000mClimb).ThenBy(r => r.KwhPer100Km ?? double.MaxValue).ThenBy(r => r.Key, StringComparer.Ordinal)];
}
