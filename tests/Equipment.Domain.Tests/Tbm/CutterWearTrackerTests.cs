using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tests.Tbm;

public class CutterWearTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Report_GaugeCutterAfterOneHourAtSixRpm_GivesRatesAndProjection()
    {
        var tracker = new CutterWearTracker(new TbmParameters());
        tracker.Apply(new CutterSample(T0, 50, WearMm: 0, Replaced: true), chainageM: 100, revolutions: 0);
        tracker.Apply(new CutterSample(T0.AddHours(1), 50, WearMm: 2.0), chainageM: 103.6, revolutions: 360);

        var wear = tracker.Report(revolutionsNow: 400).Single();

        // r_50 = 3.5 m; rolled at measurement = 2π·3.5·360 = 7916.81 m → 2 mm / 7.91681 km = 0.252627 mm/km;
        // 2 mm / 3.6 m = 0.555556 mm/m; position 50 is a gauge cutter (last 8 of 50), limit 15 mm: remaining 15 − 2 = 13 mm
        // → 13 / 0.555556 = 23.4 m → limit at 103.6 + 23.4 = 127.0 m.
        // Rolled now = 2π·3.5·400 = 8796.46 m.
        wear.RadiusM.Should().Be(3.5);
        wear.WearMm.Should().Be(2.0);
        wear.WearRateMmPerKm.Should().BeApproximately(0.252627, 0.000001);
        wear.WearRateMmPerM.Should().BeApproximately(0.555556, 0.000001);
        wear.Class.Should().Be("gauge");
        wear.LimitMm.Should().Be(15);
        wear.RemainingMm.Should().Be(13);
        wear.RemainingAdvanceM.Should().BeApproximately(23.4, 1e-9);
        wear.ChainageAtLimitM.Should().BeApproximately(127.0, 1e-9);
        wear.RolledKmSinceBaseline.Should().BeApproximately(8.796459, 0.000001);
    }

    [Fact]
    public void Apply_Replacement_ResetsBaselineAndCountsIt()
    {
        var tracker = new CutterWearTracker(new TbmParameters());
        tracker.Apply(new CutterSample(T0, 25, WearMm: 0, Replaced: true), 100, 0);
        tracker.Apply(new CutterSample(T0.AddHours(1), 25, WearMm: 24.0), 140, 3000);

        tracker.Apply(new CutterSample(T0.AddHours(2), 25, Replaced: true), 150, 3500);

        var wear = tracker.Report(3500).Single();
        wear.WearMm.Should().Be(0);
        wear.Replacements.Should().Be(1);
        wear.WearRateMmPerKm.Should().BeNull("no wear since the new cutter went in");
        wear.RolledKmSinceBaseline.Should().Be(0);
        tracker.MaxWearMm.Should().Be(0);
    }

    [Fact]
    public void Apply_FirstSightingWithoutReplacement_UsesItAsBaseline()
    {
        var tracker = new CutterWearTracker(new TbmParameters());
        tracker.Apply(new CutterSample(T0, 25, WearMm: 5.0), 100, 0);
        tracker.Apply(new CutterSample(T0.AddHours(1), 25, WearMm: 6.0), 102, 360);

        var wear = tracker.Report(360).Single();

        // (6 − 5) mm / (102 − 100) m = 0.5 mm/m; r_25 = 1.75 m, 2π·1.75·360 = 3958.41 m → 1 / 3.95841 = 0.252627 mm/km.
        wear.WearRateMmPerM.Should().BeApproximately(0.5, 1e-12);
        wear.WearRateMmPerKm.Should().BeApproximately(0.252627, 0.000001);
        wear.Replacements.Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Apply_PositionOutsideCutterhead_IsRejected(int position)
    {
        var tracker = new CutterWearTracker(new TbmParameters());

        tracker.Apply(new CutterSample(T0, position, WearMm: 1), 100, 0).Should().BeFalse();

        tracker.Positions.Should().BeEmpty();
    }

    [Fact]
    public void Report_PositionsOfEachClass_UseTheirClassLimitAndShareOfLimit()
    {
        // 30 cutters, 4 centre (1–4), 6 gauge (25–30), face 5–24; limits centre 18, face 20, gauge 12 mm.
        var parameters = new TbmParameters
        {
            CutterCount = 30,
            CutterClasses = new CutterClassLayout { CentreCount = 4, GaugeCount = 6 },
            CutterWearLimitMm = new CutterWearLimits { Centre = 18, Face = 20, Gauge = 12 },
        };
        var tracker = new CutterWearTracker(parameters);
        tracker.Apply(new CutterSample(T0, 4, WearMm: 9), 100, 0);
        tracker.Apply(new CutterSample(T0, 5, WearMm: 14), 100, 0);
        tracker.Apply(new CutterSample(T0, 25, WearMm: 9.6), 100, 0);

        var report = tracker.Report(0).ToDictionary(w => w.Position);

        (report[4].Class, report[4].LimitMm, report[4].RemainingMm).Should().Be(("centre", 18.0, 9.0));
        (report[5].Class, report[5].LimitMm, report[5].RemainingMm).Should().Be(("face", 20.0, 6.0));
        (report[25].Class, report[25].LimitMm).Should().Be(("gauge", 12.0));
        report[25].RemainingMm.Should().BeApproximately(2.4, 1e-9);
        // 9/18 = 50 %, 14/20 = 70 %, 9.6/12 = 80 %: the gauge cutter is closest to its limit though the face one wears more.
        tracker.MaxWearMm.Should().Be(14);
        tracker.MaxWearPctOfLimit.Should().BeApproximately(80, 1e-9);
    }
}
