using System.Text;
using Equipment.Grains.Influx.Backfill;

namespace Equipment.Tests.Backfill;

public sealed class LateLineTrackerTests
{
    private const long H = LateLineTracker.NsPerHour;
    private static readonly long Day = 1_772_323_200L * 1_000_000_000; // 2026-03-01T00:00Z

    [Fact]
    public void Note_LateRolledUpLines_CoalescesConsecutiveHoursPerMeasurementAndMachines()
    {
        var tracker = new LateLineTracker();
        var lines = new StringBuilder()
            .Append($"tbm,id=a,site=s thrust_kn=1 {Day + 10}\n")
            .Append($"tbm,id=a,site=s thrust_kn=1 {Day + H + 5}\n")
            .Append($"tbm,id=b,site=s thrust_kn=1 {Day + 20}\n")
            .Append($"tbm,id=b,site=s thrust_kn=1 {Day + H + 20}\n")
            .Append($"tbm_cutter,id=a,site=s,position=3 wear_mm=2 {Day + (5 * H)}\n")
            .Append($"tbm_stroke,id=a stroke=4i {Day + 30}\n")          // derived: not rolled up
            .Append($"truck,id=t1,fleet=g soc_pct=50 {Day + (100 * H)}")   // not late, no trailing newline
            .ToString();

        var noted = tracker.Note(Encoding.UTF8.GetBytes(lines), lateBeforeNs: Day + (50 * H));

        noted.Should().Be(5);
        tracker.Take(10, 24).Should().BeEquivalentTo(new[]
        {
            new BackfillRange("tbm", ["a", "b"], Day, Day + (2 * H)),
            new BackfillRange("tbm_cutter", ["a"], Day + (5 * H), Day + (6 * H)),
        }, o => o.WithStrictOrdering());
        tracker.PendingHours.Should().Be(0);
    }

    [Fact]
    public void Take_DifferentMachinesOrMaxHours_SplitsRanges()
    {
        var tracker = new LateLineTracker();
        for (var h = 0; h < 30; h++)
        {
            tracker.Add("truck", Day + (h * H), "t1");
        }

        tracker.Add("truck", Day + (30 * H), "t2");

        var ranges = tracker.Take(2, maxHoursPerRange: 24);

        ranges.Should().Equal(new BackfillRange("truck", ["t1"], Day, Day + (24 * H)) with { Ids = ranges[0].Ids }, new BackfillRange("truck", ranges[1].Ids, Day + (24 * H), Day + (30 * H)));
        ranges[0].Ids.Should().Equal("t1");
        tracker.Take(5, 24).Should().ContainSingle().Which.Ids.Should().Equal("t2");
    }

    [Fact]
    public void Note_NegativeTimestamp_FloorsToItsHour()
    {
        var tracker = new LateLineTracker();
        tracker.Note("tbm,id=a thrust_kn=1 -1\n"u8, 0);
        tracker.Take(1, 24).Single().FromNs.Should().Be(-H);
    }

    [Fact]
    public void Add_BeyondCapacity_CountsDropped()
    {
        var tracker = new LateLineTracker(maxPendingHours: 2);
        tracker.Add("tbm", 0, "a");
        tracker.Add("tbm", H, "a");
        tracker.Add("tbm", H, "b");
        tracker.Add("tbm", 2 * H, "a");
        tracker.PendingHours.Should().Be(2);
        tracker.Dropped.Should().Be(1);
    }

    [Fact]
    public void RollupStatements_RecentRange_RecomputesBothTiersForItsMachinesOnly()
    {
        var range = new BackfillRange("tbm", ["a", "o'b"], Day, Day + (2 * H));
        var statements = RollupStatements.For(range, "equipment", null, Day + (30 * 24 * H)).ToList();
        statements.Should().Equal(
            $"SELECT mean(*) INTO \"equipment\".\"rollup_1m\".:MEASUREMENT FROM \"equipment\"..\"tbm\" WHERE (\"id\" = 'a' OR \"id\" = 'o\\'b') AND time >= {Day} AND time < {Day + (2 * H)} GROUP BY time(1m), *",
            $"SELECT mean(*) INTO \"equipment\".\"rollup_1h\".:MEASUREMENT FROM \"equipment\"..\"tbm\" WHERE (\"id\" = 'a' OR \"id\" = 'o\\'b') AND time >= {Day} AND time < {Day + (2 * H)} GROUP BY time(1h), *");
    }

    [Fact]
    public void RollupStatements_OlderThanMinuteRetention_OnlyTheHourTier()
    {
        var range = new BackfillRange("truck", ["t"], Day, Day + H);
        var statements = RollupStatements.For(range, "equipment", "raw", Day + (100 * 24 * H)).ToList();
        statements.Should().ContainSingle().Which.Should().Contain("\"rollup_1h\"").And.Contain("FROM \"equipment\".\"raw\".\"truck\"");
    }
}
