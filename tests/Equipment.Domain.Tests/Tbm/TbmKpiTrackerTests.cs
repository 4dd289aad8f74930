using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tests.Tbm;

public class TbmKpiTrackerTests
{
    private static readonly DateTimeOffset Six = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Boring 06:00–08:00, a sample every 10 s advancing 10 mm (60 mm/min) at 6 rpm, then standstill at 08:00.</summary>
    private static TbmKpiTracker TwoHoursBoringThenStandstill()
    {
        var tracker = new TbmKpiTracker(new TbmParameters());
        for (var k = 0; k < 720; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(10 * k), ChainageM: 100 + 0.01 * k, Rpm: 6, Boring: true));
        tracker.Apply(new TbmSample(Six.AddSeconds(7200), ChainageM: 107.2, Rpm: 0, Boring: false));
        return tracker;
    }

    [Fact]
    public void Apply_TwoHoursBoring_IntegratesBoringTimeAdvanceAndRevolutions()
    {
        var tracker = TwoHoursBoringThenStandstill();

        // 720 intervals × 10 s = 7200 s boring; 720 × 0.01 m = 7.2 m; 6 rpm × 7200 s / 60 = 720 revolutions.
        tracker.State.TotalBoringS.Should().BeApproximately(7200, 1e-9);
        tracker.State.Shift!.Value.AdvanceM.Should().BeApproximately(7.2, 1e-9);
        tracker.State.Day!.Value.AdvanceM.Should().BeApproximately(7.2, 1e-9);
        tracker.State.TotalRevolutions.Should().BeApproximately(720, 1e-9);
    }

    [Fact]
    public void PeriodsAt_TwoHoursBoringInFourHoursOfShift_UtilisationIsHalf()
    {
        var tracker = TwoHoursBoringThenStandstill();

        var (shift, _, day, _) = tracker.PeriodsAt(Six.AddHours(4));

        // 7200 s boring / 14400 s elapsed since 06:00 = 0.5.
        shift.Start.Should().Be(Six);
        shift.End.Should().Be(Six.AddHours(8));
        shift.Utilisation(Six.AddHours(4)).Should().BeApproximately(0.5, 1e-12);
        // Past the shift's end the denominator stops at 8 h: 7200 / 28800 = 0.25.
        shift.Utilisation(Six.AddHours(12)).Should().BeApproximately(0.25, 1e-12);
        day.AdvanceM.Should().BeApproximately(7.2, 1e-9);
    }

    [Fact]
    public void Apply_WhileBoring_RateOverOneMinuteWindowAndNullAtStandstill()
    {
        var tracker = new TbmKpiTracker(new TbmParameters());
        for (var k = 0; k <= 6; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(10 * k), ChainageM: 100 + 0.01 * k, Rpm: 6, Boring: true));

        // 0.06 m over 60 s = 3.6 m/h.
        tracker.State.BoringAdvanceRateMPerH.Should().BeApproximately(3.6, 1e-9);

        tracker.Apply(new TbmSample(Six.AddSeconds(70), Boring: false));

        tracker.State.BoringAdvanceRateMPerH.Should().BeNull();
        tracker.State.StandstillSince.Should().Be(Six.AddSeconds(70));
    }

    [Fact]
    public void Apply_GapLongerThanLimit_IsNotCountedAsBoring()
    {
        var tracker = new TbmKpiTracker(new TbmParameters());
        tracker.Apply(new TbmSample(Six, Rpm: 6, Boring: true));
        tracker.Apply(new TbmSample(Six.AddSeconds(10), Rpm: 6, Boring: true));
        tracker.Apply(new TbmSample(Six.AddSeconds(610), Rpm: 6, Boring: true));

        tracker.State.TotalBoringS.Should().Be(10);
    }

    [Fact]
    public void Apply_SampleOlderThanLast_IsIgnored()
    {
        var tracker = new TbmKpiTracker(new TbmParameters());
        tracker.Apply(new TbmSample(Six.AddSeconds(10), ChainageM: 5, Boring: true, Rpm: 6));

        tracker.Apply(new TbmSample(Six, ChainageM: 1)).Should().BeFalse();

        tracker.State.Latest.ChainageM.Should().Be(5);
    }

    [Fact]
    public void Apply_CrossingShiftBoundary_KeepsPreviousShiftTotals()
    {
        var tracker = new TbmKpiTracker(new TbmParameters());
        tracker.Apply(new TbmSample(Six.AddHours(8).AddSeconds(-20), ChainageM: 10, Rpm: 6, Boring: true));
        tracker.Apply(new TbmSample(Six.AddHours(8).AddSeconds(-10), ChainageM: 10.05, Rpm: 6, Boring: true));
        tracker.Apply(new TbmSample(Six.AddHours(8), ChainageM: 10.10, Rpm: 6, Boring: true));

        // The interval ending at 14:00:00 counts in the shift its end falls in.
        var previous = tracker.State.PreviousShift!.Value;
        (previous.Start, previous.End, previous.BoringS).Should().Be((Six, Six.AddHours(8), 10.0));
        previous.AdvanceM.Should().BeApproximately(0.05, 1e-9);
        tracker.State.Shift!.Value.BoringS.Should().Be(10);
        tracker.State.Shift!.Value.Start.Should().Be(Six.AddHours(8));
        tracker.State.Shift.Value.AdvanceM.Should().BeApproximately(0.05, 1e-9);
    }

    [Theory]
    [InlineData(true, 6.0, true)]
    [InlineData(true, 0.0, false)]
    [InlineData(false, 6.0, false)]
    [InlineData(null, 6.0, true)]
    [InlineData(null, 0.05, false)]
    public void IsBoring_FlagAndRpm_Combined(bool? boring, double rpm, bool expected)
    {
        TbmKpiTracker.IsBoring(new TbmSample(Six, Rpm: rpm, Boring: boring)).Should().Be(expected);
    }

    [Fact]
    public void Apply_StandingMachineWithTwoMillimetreNoiseAt1Hz_AdvancesNothing()
    {
        // Eight hours standing at 250 m, the chainage sensor scattering ±2 mm (uniform, seeded) at 1 Hz. Summing positive
        // changes would give ≈ 28,800 × 0.67 mm ≈ 19 m; only new ground beyond a 10 mm dead band counts: 0 m.
        var tracker = new TbmKpiTracker(new TbmParameters());
        var random = new Random(42);
        for (var k = 0; k < 8 * 3600; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(k), ChainageM: 250 + random.NextDouble() * 0.004 - 0.002, Rpm: 0, Boring: false));

        tracker.State.Shift!.Value.AdvanceM.Should().Be(0);
        tracker.State.Day!.Value.AdvanceM.Should().Be(0);
    }

    [Fact]
    public void Apply_BoringWithNoiseThenCutterheadPulledBackAndReBored_CountsNewGroundOnce()
    {
        // 06:00–07:00 boring 100 → 103 m at 1 Hz with ±2 mm noise; 07:00–07:30 cutter change: the head is pulled back
        // 0.5 m (to 102.5); 07:30–08:00 re-bores 102.5 → 104 m. New ground: 100 → 104 = 4 m, not 3 + 1.5 = 4.5 m.
        // Expected error: at most the dead band (10 mm) plus the noise of the first and last counted sample (2 × 2 mm).
        var tracker = new TbmKpiTracker(new TbmParameters());
        var random = new Random(7);
        double Noise() => random.NextDouble() * 0.004 - 0.002;
        for (var k = 0; k < 3600; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(k), ChainageM: 100 + 3.0 * k / 3600 + Noise(), Rpm: 6, Boring: true));
        for (var k = 0; k < 1800; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(3600 + k), ChainageM: 103 - 0.5 * Math.Min(1, k / 300.0) + Noise(), Rpm: 0, Boring: false));
        for (var k = 0; k <= 1800; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(5400 + k), ChainageM: 102.5 + 1.5 * k / 1800 + Noise(), Rpm: 6, Boring: true));

        tracker.State.Shift!.Value.AdvanceM.Should().BeApproximately(4.0, 0.014);
        tracker.State.FurthestChainageM.Should().BeApproximately(104.0, 0.003);
    }

    [Fact]
    public void PeriodsAt_BackFilledShift_UtilisationOverDeviceTimeCoveredNotWallClock()
    {
        // A spool replay delivers 06:00–07:00 (boring half the time, 30 s on / 30 s off) while the wall clock says 13:00.
        // Utilisation = 1800 s boring ÷ 3600 s of device time covered = 0.5; against the wall clock it would be 1800/25200.
        var tracker = new TbmKpiTracker(new TbmParameters());
        for (var k = 0; k <= 3600; k++)
            tracker.Apply(new TbmSample(Six.AddSeconds(k), Rpm: 6, Boring: k % 60 < 30));

        var (shift, _, _, _) = tracker.PeriodsAt(Six.AddHours(7));

        shift.BoringS.Should().Be(1800);
        shift.Utilisation(tracker.State.LastSampleAt!.Value).Should().BeApproximately(0.5, 1e-12);
    }
}
