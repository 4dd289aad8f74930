using System.Globalization;
using Equipment.Simulator.Cli;
using Equipment.Simulator.Core;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Replay;
using Equipment.Simulator.Tbm;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Running;

/// <summary>Builds the machines of a run; every machine's randomness comes from the run seed and its id.</summary>
public static class SourceFactory
{
    public const string TruckFleet = "g318-express";
    public const string StrokesRelativePath = "data/tbm-strokes";

    public static IReadOnlyList<TbmSimulator> LiveTbms(int count, int seed, DateTime startUtc, double rateHz)
    {
        var list = new List<TbmSimulator>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"tbm-{i + 1:00}";
            var random = SeedDerivation.For(seed, id);
            var site = $"gold-mine-{i / 2 + 1}";

            // Declines of neighbouring drives in the Laizhou gold field, each already well into the ~1,000 m deep ore body.
            var chainage = 1_200 + 350 * i + random.NextUniform(0, 100);
            list.Add(new TbmSimulator(id, site, TbmParameters.Laizhou, startUtc, rateHz, random, chainage));
        }

        return list;
    }

    public const int AgedTruckIndex = 1;
    public const double AgedCapacityFactor = 0.92;
    public const double AgedCellDriftMvPerHour = 15;

    public static IReadOnlyList<TruckSimulator> LiveTrucks(int count, int seed, DateTime startUtc, double rateHz, RouteProfile route)
    {
        var geometry = new RouteGeometry(route);
        var vehicle = new VehicleParameters();
        var list = new List<TruckSimulator>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"truck-{i + 1:00}";
            var random = SeedDerivation.For(seed, id);

            // Staggered along the road so the fleet map is spread out; every third truck is on its way back from base camp.
            var km = route.TotalKm * (i + random.NextUniform(0.1, 0.9)) / Math.Max(1, count);
            var direction = i % 3 == 2 ? -1 : 1;
            // Mid-leg, with at least what the trip computer wants for the rest of the leg: it charged at the last charger.
            var soc = random.NextUniform(55, 95);
            // truck-02 (a T-Box under the default --gbt-share) has an aged pack: 92 % of its rated capacity, one cell
            // drifting 15 mV an hour, so the battery-health view's SOH and spread trend have something to show.
            var aged = i == AgedTruckIndex;
            var v = aged ? vehicle with { CapacityFactor = AgedCapacityFactor } : vehicle;
            if (route.NextChargingPoint(km, direction) is { } nextKm)
            {
                var needed = TruckSimulator.ReserveSocPct + (TruckSimulator.PlanLegKwh(v, route, km, nextKm) / (v.BatteryKwh * v.CapacityFactor) * 100);
                soc = Math.Min(TruckSimulator.ChargeTargetSocPct, Math.Max(soc, needed + random.NextUniform(0, 10)));
            }

            list.Add(new TruckSimulator(id, TruckFleet, v, route, geometry, startUtc, rateHz, random, km, direction, soc)
            {
                ParksAtNight = true,
                AltitudeNoiseM = 8,
                CellDriftMvPerHour = aged ? AgedCellDriftMvPerHour : 0,
            });
        }

        return list;
    }

    public static IReadOnlyList<ReplaySource> Replays(int seed, DateTime startUtc, string? strokesDirectory)
    {
        var dir = DataFileLocator.Resolve(strokesDirectory, StrokesRelativePath, "--strokes");
        return ReplayMachine.Shared
            .Select(m => new ReplaySource(
                m, StrokeCsvReader.Read(Path.Combine(dir, m.FileName)), startUtc, SeedDerivation.For(seed, m.Id)))
            .ToList();
    }

    public static IReadOnlyList<RegistrationRequest> Registrations(
        IEnumerable<TbmSimulator> tbms, IEnumerable<TruckSimulator> trucks, IReadOnlyDictionary<string, string>? vins = null)
    {
        var vehicle = new VehicleParameters();
        return tbms
            .Select(t => new RegistrationRequest(t.Id, RegistryBodies.Tbm(DisplayName("TBM", t.Id), t.Site, t.Machine,
                t.Machine.NextMaintenanceStopAheadM is { } ahead ? t.ChainageM + ahead : null)))
            .Concat(trucks.Select(t => new RegistrationRequest(t.Id, RegistryBodies.Truck(
                DisplayName("Truck", t.Id), t.Fleet, vehicle, t.RouteStartOdometerKm, vins?.GetValueOrDefault(t.Id)))))
            .ToList();
    }

    /// <summary>
    /// Which of <paramref name="count"/> trucks are T-Boxes for a share: spread evenly (0.5 makes every second truck
    /// one, truck-02, truck-04, …), so both paths are seen all along the road.
    /// </summary>
    public static bool IsTbox(int index, double share) =>
        Math.Floor((index + 1) * share + 1e-9) > Math.Floor(index * share + 1e-9);

    public static IReadOnlyList<RegistrationRequest> ReplayRegistrations() =>
        ReplayMachine.Shared
            .Select(m => new RegistrationRequest(m.Id, RegistryBodies.Tbm(m.Name, ReplayMachine.Site, m.Parameters)))
            .ToList();

    private static string DisplayName(string kind, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind} {id[(id.LastIndexOf('-') + 1)..]}");
}
