using Equipment.Domain.TimeUse;
using static Equipment.Domain.Tests.TimeUse.TimeUseSamples;

namespace Equipment.Domain.Tests.TimeUse;

public class TimeUseClassifierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 10:00–10:20 (1,200 s): boring stroke 1 for 300 s; 180 s standstill, nothing reported; boring stroke 2 for 300 s;
    /// haulage (code 3) from 10:13:00, the last sample at 10:17:59; silence until 10:19:30; boring stroke 2 to 10:20.
    /// </summary>
    private static List<TimeUseSample> WorkedExample() =>
    [
        .. Run(T0, 300, boring: true, stroke: 1),
        .. Run(T0.AddMinutes(5), 180, boring: false, stroke: 1),
        .. Run(T0.AddMinutes(8), 300, boring: true, stroke: 2),
        .. Run(T0.AddMinutes(13), 300, boring: false, stroke: 2, reason: 3),
        .. Run(T0.AddSeconds(19 * 60 + 30), 30, boring: true, stroke: 2),
    ];

    [Fact]
    public void Classify_WorkedExample_AccountsForEverySecond()
    {
        var result = new TimeUseClassifier(600).Classify(WorkedExample(), T0, T0.AddMinutes(20), []);

        // Boring 300 + 300 + 30 = 630 s. The 180 s between stroke 1 and stroke 2 is a regrip (≤ 600 s, nothing reported).
        // Haulage: 299 samples cover 1 s each, the last one 60 s (the longest a sample stands for) → 359 s, to 10:18:59.
        // No data: 10:18:59–10:19:30 = 31 s. 630 + 180 + 359 + 31 = 1,200.
        result.BoringS.Should().Be(630);
        result.RegripS.Should().Be(180);
        result.StandstillS.Should().Be(359);
        result.NoDataS.Should().Be(31);
        result.StandstillByReasonS.Should().Equal(new Dictionary<StopReason, double> { [StopReason.Haulage] = 359 });
        result.Utilisation.Should().BeApproximately(630.0 / 1200, 1e-12);
        result.Stops.Should().HaveCount(2);
        result.Stops[0].Should().Match<TimeUseStop>(s => s.Regrip && s.Start == T0.AddMinutes(5) && s.DurationS == 180 && s.Reason == StopReason.Regrip);
        result.Stops[1].Should().Match<TimeUseStop>(s => !s.Regrip && s.Start == T0.AddMinutes(13) && s.End == T0.AddSeconds(18 * 60 + 59) && s.MachineReason == StopReason.Haulage);
    }

    [Fact]
    public void Classify_ShuffledAndRepeatedSamples_SameAsOrdered()
    {
        var ordered = WorkedExample();
        var shuffled = ordered.Concat(ordered.Take(100)).OrderBy(s => (s.Time.Ticks * 7919) % 1009).ToList();

        var a = new TimeUseClassifier(600).Classify(ordered, T0, T0.AddMinutes(20), []);
        var b = new TimeUseClassifier(600).Classify(shuffled, T0, T0.AddMinutes(20), []);

        b.Should().BeEquivalentTo(a);
    }

    [Fact]
    public void Classify_StandstillBetweenStrokesLongerThanRegripLimit_IsUnknownStandstill()
    {
        // 700 s without a reason between stroke 1 and 2: longer than 600 s, so a stop of unknown reason, not a regrip.
        var samples = Run(T0, 100, true, 1).Concat(Run(T0.AddSeconds(100), 700, false, 1)).Concat(Run(T0.AddSeconds(800), 100, true, 2));

        var result = new TimeUseClassifier(600).Classify(samples, T0, T0.AddSeconds(900), []);

        result.RegripS.Should().Be(0);
        result.StandstillByReasonS.Should().Equal(new Dictionary<StopReason, double> { [StopReason.Unknown] = 700 });
    }

    [Fact]
    public void Classify_ShortStandstillWithinOneStroke_IsNotARegrip()
    {
        // Boring resumes with the same stroke number: the machine paused, it did not regrip.
        var samples = Run(T0, 100, true, 1).Concat(Run(T0.AddSeconds(100), 60, false, 1)).Concat(Run(T0.AddSeconds(160), 40, true, 1));

        var result = new TimeUseClassifier(600).Classify(samples, T0, T0.AddSeconds(200), []);

        result.RegripS.Should().Be(0);
        result.StandstillS.Should().Be(60);
    }

    [Fact]
    public void Classify_MachineReportsRegrip_IsRegripWhateverTheLength()
    {
        var samples = Run(T0, 100, true, 1).Concat(Run(T0.AddSeconds(100), 900, false, 1, reason: 6)).Concat(Run(T0.AddSeconds(1000), 100, true, 1));

        var result = new TimeUseClassifier(600).Classify(samples, T0, T0.AddSeconds(1100), []);

        result.RegripS.Should().Be(900);
        result.StandstillS.Should().Be(0);
    }

    [Fact]
    public void Classify_OperatorAssignsReason_NewestCountsAndMachineReasonAndHistoryAreKept()
    {
        var stopStart = T0.AddMinutes(13);
        var first = new StopReasonAssignment(stopStart, StopReason.Breakdown, "ana", T0.AddHours(1), "conveyor");
        var second = new StopReasonAssignment(stopStart, StopReason.Maintenance, "li", T0.AddHours(2), null);

        var result = new TimeUseClassifier(600).Classify(WorkedExample(), T0, T0.AddMinutes(20), [second, first]);

        var stop = result.Stops.Single(s => s.Start == stopStart);
        stop.Reason.Should().Be(StopReason.Maintenance);
        stop.MachineReason.Should().Be(StopReason.Haulage);
        stop.History.Select(h => h.By).Should().Equal("ana", "li");
        result.StandstillByReasonS.Should().Equal(new Dictionary<StopReason, double> { [StopReason.Maintenance] = 359 });
    }

    [Fact]
    public void Classify_PeriodStartsInsideAStop_LookBackGivesStateAndStopKey()
    {
        // Rock support from 09:50 to 10:10, then boring. The period 10:00–10:20 starts inside the stop.
        var samples = Run(T0.AddMinutes(-10), 1200, false, 4, reason: 2).Concat(Run(T0.AddMinutes(10), 600, true, 5));

        var result = new TimeUseClassifier(600).Classify(samples, T0, T0.AddMinutes(20), []);

        result.StandstillByReasonS.Should().Equal(new Dictionary<StopReason, double> { [StopReason.RockSupport] = 600 });
        result.BoringS.Should().Be(600);
        result.Stops.Single().Start.Should().Be(T0.AddMinutes(-10));
        result.Stops.Single().DurationS.Should().Be(600);
    }

    [Fact]
    public void Classify_MixedReasonsInOneStop_EachSecondCountsForItsReason()
    {
        // 120 s cutter change then 60 s unreported: the stop's reason is cutter change; the 60 s stay unknown.
        var samples = Run(T0, 60, true, 1).Concat(Run(T0.AddSeconds(60), 120, false, 1, reason: 1)).Concat(Run(T0.AddSeconds(180), 60, false, 1))
            .Concat(Run(T0.AddSeconds(240), 60, true, 2));

        var result = new TimeUseClassifier(600).Classify(samples, T0, T0.AddSeconds(300), []);

        result.StandstillByReasonS.Should().Equal(new Dictionary<StopReason, double> { [StopReason.CutterChange] = 120, [StopReason.Unknown] = 60 });
        result.Stops.Single().Reason.Should().Be(StopReason.CutterChange);
    }

    [Fact]
    public void Classify_NoSamples_AllNoData()
    {
        var result = new TimeUseClassifier(600).Classify([], T0, T0.AddHours(8), []);

        result.NoDataS.Should().Be(8 * 3600);
        result.Utilisation.Should().Be(0);
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(1L, true)]
    [InlineData(7L, true)]
    [InlineData(8L, false)]
    [InlineData(-1L, false)]
    public void TryAssignable_Codes_OnlyTheDocumentedOnes(long code, bool expected)
    {
        StopReasons.TryAssignable(code, out _).Should().Be(expected);
    }

    [Fact]
    public void FromMachine_UnlistedCode_CountsAsOther()
    {
        StopReasons.FromMachine(42).Should().Be(StopReason.Other);
        StopReasons.FromMachine(0).Should().Be(StopReason.Unknown);
        StopReasons.FromMachine(null).Should().Be(StopReason.Unknown);
        StopReasons.FromMachine(3).Should().Be(StopReason.Haulage);
    }
}
