using Equipment.Simulator.Core;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Gbt32960;

/// <summary>Turns trucks into T-Box sources, each with its identity, fault stream and connection.</summary>
public static class TboxFleet
{
    public static IReadOnlyList<TboxSource> Create(
        IEnumerable<TruckSimulator> trucks, int seed, TboxClientOptions options, TboxTiming timing, double faultHours, TboxStatistics statistics, Action<string> log) =>
        trucks.Select(truck =>
        {
            var identity = TboxIdentity.For(seed, truck.Id);
            var builder = new SnapshotBuilder(SeedDerivation.For(seed, "tbox:" + truck.Id), faultHours) { CellDriftMvPerHour = truck.CellDriftMvPerHour };
            var client = new TboxClient(identity.Vin, identity.Iccid, identity.PackCodes, options, statistics, log);
            return new TboxSource(truck, builder, new TboxDevice(options.Edition, timing), client);
        }).ToList();
}
