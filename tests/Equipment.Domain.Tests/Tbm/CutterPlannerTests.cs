using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tests.Tbm;

public class CutterPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A 10-cutter, 7 m head: centre 1–2, face 3–8, gauge 9–10 (limits 20/25/15 mm). Three inspections at chainage
    /// 100, 150, 200 m (0, 5,000, 10,000 revolutions). Every position wears i mm per 100 m, i.e. in proportion to its
    /// radius (r_i = 0.35·i m), so all roll off the same 0.045473 mm per km — except position 6, a blocked disc,
    /// at three times that.
    /// </summary>
    private static CutterWearTracker SmallHead(TbmParameters parameters)
    {
        var tracker = new CutterWearTracker(parameters);
        double[] chainage = [100, 150, 200];
        double[] revolutions = [0, 5000, 10000];
        for (var k = 0; k < 3; k++)
        {
            for (var i = 1; i <= 10; i++)
            {
                var perHundredM = i == 6 ? 18.0 : i;
                tracker.Apply(new CutterSample(T0.AddDays(k), i, WearMm: perHundredM * (chainage[k] - 100) / 100), chainage[k], revolutions[k]);
            }
        }

        return tracker;
    }

    private static TbmParameters SmallHeadParameters() => new()
    {
        CutterCount = 10,
        CutterheadDiameterM = 7,
        CutterClasses = new CutterClassLayout { CentreCount = 2, GaugeCount = 2 },
        NextMaintenanceStop = new MaintenanceStop { ChainageM = 400 },
    };

    [Fact]
    public void Plan_SmallHeadWithStopAt400m_ListsDuePositionsDiscsAndTheBlockedDisc()
    {
        var parameters = SmallHeadParameters();
        var tracker = SmallHead(parameters);

        var plan = CutterPlanner.Plan(parameters, tracker.Positions, chainageNowM: 200, asOf: T0.AddDays(2), paceMPerDay: 10,
            paceSpan: TimeSpan.FromDays(7), firstChainageM: 100);

        // Chainage at limit = 100 + limit / rate: face i → 100 + 2500/i; 6 (0.18 mm/m) → 100 + 25/0.18 = 238.89;
        // gauge 9 → 100 + 15/0.09 = 266.67, 10 → 250; centre 1 → 2100, 2 → 1100.
        plan.Positions.Select(p => p.Position).Should().Equal(6, 10, 9, 8, 7, 5, 4, 3, 2, 1);
        var six = plan.Positions[0];
        six.WearRateMmPerM.Should().BeApproximately(0.18, 1e-12);
        six.ChainageAtLimitM.Should().BeApproximately(238.888889, 1e-6);
        // (238.889 − 200) m at 10 m/day = 3.8889 days after the newest sample.
        six.DateAtLimit.Should().BeCloseTo(T0.AddDays(2).AddDays(3.888889), TimeSpan.FromSeconds(1));
        plan.Positions.Single(p => p.Position == 1).ChainageAtLimitM.Should().BeApproximately(2100, 1e-9);

        plan.StopChainageM.Should().Be(400);
        plan.Due.Should().Equal(6, 9, 10);
        plan.DiscsNeeded.Should().Be(new CutterDiscCount(Centre: 0, Face: 1, Gauge: 2));
        plan.DiscsNeeded.Total.Should().Be(3);

        // Rolled per km: r_6 = 2.1 m, 10,000 rev = 2π·2.1·10 km = 131.947 km; 18 mm / 131.947 km = 0.136419 mm/km; the
        // others i / (2π·0.35·i·10) = 0.045473 mm/km. Neighbours of 6 in the face ring: 3, 4, 5, 7, 8 → median 0.045473,
        // MAD 0 → threshold max(median + 0, 1.5 × median) = 0.068209 → 6 is abnormal (ratio 3), nothing else is.
        six.WearRateMmPerKm.Should().BeApproximately(0.136419, 1e-6);
        six.NeighbourMedianMmPerKm.Should().BeApproximately(0.045473, 1e-6);
        six.RateToNeighbours.Should().BeApproximately(3.0, 1e-9);
        six.Abnormal.Should().BeTrue();
        plan.AbnormalPositions.Should().Equal(6);

        // Projected: Σ (mm/m ÷ limit) = (0.01 + 0.02)/20 + (0.03+0.04+0.05+0.18+0.07+0.08)/25 + (0.09+0.10)/15 = 0.0321667
        // discs per m; ÷ A = π·7²/4 = 38.4845 m² → 8.3583e-4 discs/m³.
        plan.ProjectedDiscsPerM3.Should().BeApproximately(8.3583e-4, 1e-8);
        plan.ExcavatedM3.Should().BeApproximately(3848.451, 0.001);
        plan.ConsumptionDiscsPerM3.Should().Be(0, "no disc has been changed yet");
    }

    [Fact]
    public void Plan_NoisyInspections_FitsTheLeastSquaresLine()
    {
        var parameters = new TbmParameters();
        var tracker = new CutterWearTracker(parameters);
        // Position 25 (face, limit 25 mm, r = 1.75 m): wear 1.0, 2.1, 2.9, 4.0 mm at chainage 100, 110, 120, 130 m and
        // 0, 1000, 2000, 3000 revolutions. x = 0, 10, 20, 30: n = 4, Σx = 60, Σy = 10, Σx² = 1400, Σxy = 199
        // → b = (4·199 − 60·10) / (4·1400 − 60²) = 196 / 2000 = 0.098 mm/m, a = (10 − 0.098·60) / 4 = 1.03 mm
        // → limit at 100 + (25 − 1.03) / 0.098 = 344.5918 m. Rolled 2π·1.75·3000 m = 32.987 km over the 30 m advanced:
        // 0.098 mm/m × 30 m / 32.987 km = 0.0891268 mm/km.
        double[] wear = [1.0, 2.1, 2.9, 4.0];
        for (var k = 0; k < 4; k++) tracker.Apply(new CutterSample(T0.AddHours(k), 25, WearMm: wear[k]), 100 + 10 * k, 1000 * k);

        var plan = CutterPlanner.Plan(parameters, tracker.Positions, 130, T0.AddHours(3), paceMPerDay: 20, paceSpan: null, firstChainageM: 100);

        var row = plan.Positions.Single();
        row.Inspections.Should().Be(4);
        row.WearRateMmPerM.Should().BeApproximately(0.098, 1e-12);
        row.ChainageAtLimitM.Should().BeApproximately(344.591837, 1e-6);
        row.WearRateMmPerKm.Should().BeApproximately(0.0891268, 1e-7);
        // (344.5918 − 130) / 20 m/day = 10.7296 days.
        row.DateAtLimit.Should().BeCloseTo(T0.AddHours(3).AddDays(10.729592), TimeSpan.FromSeconds(1));
        row.DueBeforeStop.Should().BeFalse("no stop is registered");
        row.Abnormal.Should().BeFalse("a lone position has no neighbours to compare with");
        plan.StopChainageM.Should().BeNull();
    }

    [Fact]
    public void Plan_AfterReplacement_FitsOnlyTheNewDiscAndCountsConsumption()
    {
        var parameters = new TbmParameters();
        var tracker = new CutterWearTracker(parameters);
        tracker.Apply(new CutterSample(T0, 30, WearMm: 20), 100, 0);
        tracker.Apply(new CutterSample(T0.AddHours(1), 30, WearMm: 25), 110, 1000);
        tracker.Apply(new CutterSample(T0.AddHours(1).AddSeconds(1), 30, WearMm: 0, Replaced: true), 110, 1000);
        tracker.Apply(new CutterSample(T0.AddHours(2), 30, WearMm: 1), 120, 2000);
        tracker.Apply(new CutterSample(T0.AddHours(2), 31, WearMm: 3), 120, 2000);
        tracker.Apply(new CutterSample(T0.AddHours(3), 31, WearMm: 24), 130, 3000);
        tracker.Apply(new CutterSample(T0.AddHours(3).AddSeconds(1), 31, Replaced: true), 130, 3000);

        var plan = CutterPlanner.Plan(parameters, tracker.Positions, 200, T0.AddHours(3), null, null, firstChainageM: 100);

        // Position 30: only (110, 0) and (120, 1) since the change → 0.1 mm/m, not the old disc's 0.5.
        plan.Positions.Single(p => p.Position == 30).WearRateMmPerM.Should().BeApproximately(0.1, 1e-12);
        plan.Positions.Single(p => p.Position == 30).DateAtLimit.Should().BeNull("no pace is known");
        // Two discs changed over 100 m of a 7 m head: 2 / (38.4845 · 100) = 5.1969e-4 discs/m³.
        plan.DiscsChanged.Should().Be(2);
        plan.ConsumptionDiscsPerM3.Should().BeApproximately(5.1969e-4, 1e-8);
    }

    [Fact]
    public void Plan_WornBeyondLimitWithoutStop_IsDueAnyway()
    {
        var parameters = new TbmParameters();
        var tracker = new CutterWearTracker(parameters);
        tracker.Apply(new CutterSample(T0, 50, WearMm: 10), 100, 0);
        tracker.Apply(new CutterSample(T0.AddHours(1), 50, WearMm: 15.5), 110, 1000);

        var plan = CutterPlanner.Plan(parameters, tracker.Positions, 110, T0.AddHours(1), 12, null, 100);

        plan.Due.Should().Equal(50);
        plan.DiscsNeeded.Should().Be(new CutterDiscCount(0, 0, 1));
        plan.Positions[0].DateAtLimit.Should().Be(T0.AddHours(1), "the limit is already passed");
    }

    [Fact]
    public void StopChainage_DateAndChainageRegistered_TakesWhicheverComesFirst()
    {
        var stop = new MaintenanceStop { ChainageM = 500, At = T0.AddDays(10) };

        // 10 days at 15 m/day from 300 m → 450 m, before the registered 500 m.
        CutterPlanner.StopChainage(stop, 300, T0, 15).Should().Be(450);
        // At 30 m/day the date would be at 600 m: the chainage comes first.
        CutterPlanner.StopChainage(stop, 300, T0, 30).Should().Be(500);
        // Date only and no pace: unknown.
        CutterPlanner.StopChainage(new MaintenanceStop { At = T0.AddDays(10) }, 300, T0, null).Should().BeNull();
    }

    [Fact]
    public void IsAbnormal_TightNeighbourhood_NeedsOneAndAHalfTimesTheMedian()
    {
        // median 0.030, |deviations| 0, 0.002, 0.002, 0.001, 0.001, 0 → MAD 0.001 → median + 3·1.4826·MAD = 0.034448;
        // the ratio floor 1.5 × 0.030 = 0.045 is higher, so 0.040 is within the scatter of healthy discs and 0.050 is not.
        double[] neighbours = [0.030, 0.032, 0.028, 0.031, 0.029, 0.030];

        CutterPlanner.IsAbnormal(0.050, neighbours, out var median).Should().BeTrue();
        median.Should().BeApproximately(0.030, 1e-12);
        CutterPlanner.IsAbnormal(0.040, neighbours, out _).Should().BeFalse();
    }

    [Fact]
    public void IsAbnormal_ScatteredNeighbourhood_UsesTheMadBand()
    {
        // sorted 0.02, 0.03, 0.03, 0.04, 0.05, 0.06 → median 0.035; |deviations| sorted 0.005 ×3, 0.015 ×2, 0.025
        // → MAD 0.01 → 0.035 + 3·1.4826·0.01 = 0.079478 > 1.5 × 0.035 = 0.0525.
        double[] neighbours = [0.02, 0.03, 0.04, 0.05, 0.06, 0.03];

        CutterPlanner.IsAbnormal(0.070, neighbours, out _).Should().BeFalse();
        CutterPlanner.IsAbnormal(0.080, neighbours, out _).Should().BeTrue();
    }

    [Fact]
    public void Apply_LateInspection_IsIgnored()
    {
        var tracker = new CutterWearTracker(new TbmParameters());
        tracker.Apply(new CutterSample(T0.AddHours(2), 10, WearMm: 4), 120, 2000).Should().BeTrue();

        tracker.Apply(new CutterSample(T0.AddHours(1), 10, WearMm: 3), 125, 2500).Should().BeFalse();

        tracker.Positions.Single().WearMm.Should().Be(4);
        tracker.Positions.Single().AdvanceFit.N.Should().Be(1);
    }

    [Fact]
    public void Plan_FirstInspectionBeforeAnyChainage_RatesFromTheInspectionsThatHaveOne()
    {
        var tracker = new CutterWearTracker(new TbmParameters());
        // A head inspected at power-up, before the machine has reported a chainage: that reading has no place on the
        // chainage axis. The fit starts at the next one: 2.0 → 3.0 mm over 100 → 110 m = 0.1 mm/m; position 25
        // (r = 1.75 m) rolled 2π·1.75·(3000 − 1000) m = 21.991 km meanwhile → 0.1 × 10 / 21.991 = 0.045473 mm/km.
        tracker.Apply(new CutterSample(T0, 25, WearMm: 1.5), chainageM: null, revolutions: 0);
        tracker.Apply(new CutterSample(T0.AddHours(1), 25, WearMm: 2.0), 100, 1000);
        tracker.Apply(new CutterSample(T0.AddHours(2), 25, WearMm: 3.0), 110, 3000);

        var row = CutterPlanner.Plan(new TbmParameters(), tracker.Positions, 110, T0.AddHours(2), null, null, 100).Positions.Single();

        row.Inspections.Should().Be(2);
        row.WearRateMmPerM.Should().BeApproximately(0.1, 1e-12);
        row.WearRateMmPerKm.Should().BeApproximately(0.0454728, 1e-6);
    }
}
