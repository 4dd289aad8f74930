namespace Equipment.Domain.Tests;

[CollectionDefinition(nameof(MemoryFootprintTests), DisableParallelization = true)]
public class MemoryFootprintCollection;

/// <summary>
/// Retained heap of a busy twin, measured as the growth of the collected heap while ten such twins are alive (the heap
/// figure moves in allocation-context steps of several KB, so one twin alone would be too coarse). Runs alone
/// (non-parallel collection) so other tests' allocations do not pollute the measurement.
/// </summary>
[Collection(nameof(MemoryFootprintTests))]
public class MemoryFootprintTests
{
    private const int Twins = 10;

    private static long Retained(Func<object> build)
    {
        GC.KeepAlive(build()); // warm up statics, JIT and the embedded route

        // The least of three rounds: the runtime's own background allocations (tiered JIT, timers) early in a process
        // only ever add to a round (a filtered run once read 41 KB for a 6.5 KB twin); what the twins hold is in every round.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var twins = new object[Twins];
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < Twins; i++) twins[i] = build();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(twins);
            least = Math.Min(least, (after - before) / Twins);
        }

        return least;
    }

    [Fact]
    public void TbmTwin_AfterManyStrokesAndCutterReadings_RetainsAtMost32KB()
    {
        var bytes = Retained(() => TwinFeeds.BusyTbm(strokes: 300));

        bytes.Should().BeLessThanOrEqualTo(32 * 1024, $"a TBM twin retained {bytes} bytes");
    }

    [Fact]
    public void TruckTwin_AfterManyRuns_RetainsAtMost8KB()
    {
        var bytes = Retained(() => TwinFeeds.BusyTruck(runs: 40));

        bytes.Should().BeLessThanOrEqualTo(8 * 1024, $"a truck twin retained {bytes} bytes");
    }

    [Fact]
    public void BusyTwins_BoundedCollections_StayAtTheirLimits()
    {
        var tbm = TwinFeeds.BusyTbm(strokes: 300);
        var truck = TwinFeeds.BusyTruck(runs: 40);

        tbm.State.Strokes.Closed.Should().HaveCount(Equipment.Domain.Tbm.StrokeTracker.DefaultMaxStrokes);
        tbm.State.Strokes.Open!.PenetrationMmRev.Count.Should().BeLessThan(Equipment.Domain.Tbm.StrokeTracker.DefaultMaxMedianSamples);
        truck.State.Runs.Closed.Should().HaveCount(Equipment.Domain.Truck.AltitudeRunTracker.DefaultMaxRuns);
        truck.State.Charging.Closed.Should().HaveCount(Equipment.Domain.Battery.ChargingSessionTracker.MaxSessions);
    }
}
