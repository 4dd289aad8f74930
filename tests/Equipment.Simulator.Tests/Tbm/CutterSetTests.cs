using Equipment.Simulator.Tbm;

namespace Equipment.Simulator.Tests.Tbm;

public class CutterSetTests
{
    [Fact]
    public void Roll_OneHourAt6Rpm_GaugeCutterWearsByRollingDistance()
    {
        var cutters = new CutterSet(TbmParameters.A, new Random(3));
        var before = cutters.WearMm(50);

        cutters.Roll(rpm: 6, dtSeconds: 3600, ucsMpa: 150);

        // Gauge cutter on r = 3.5 m: 2π · 3.5 m · 360 rev = 7.917 km; 0.03 mm/km · 7.917 km = 0.2375 mm,
        // scaled by the cutter's own factor of 0.8–1.2.
        cutters.RadiusM(50).Should().Be(3.5);
        (cutters.WearMm(50) - before).Should().BeInRange(0.2375 * 0.8, 0.2375 * 1.2);
    }

    [Fact]
    public void Roll_CentreVersusGauge_GaugeWearsFasterPerHour()
    {
        var cutters = new CutterSet(TbmParameters.A, new Random(3));
        var centre = cutters.WearMm(1);
        var gauge = cutters.WearMm(50);

        cutters.Roll(6, 3600, 150);

        (cutters.WearMm(50) - gauge).Should().BeGreaterThan(10 * (cutters.WearMm(1) - centre));
    }

    [Fact]
    public void Inspect_WornPastLimit_ReplacesAndResetsWear()
    {
        var cutters = new CutterSet(TbmParameters.A, new Random(3));

        // 100 boring hours take every gauge cutter past 15 mm.
        cutters.Roll(6, 100 * 3600, 150);
        var worn = Enumerable.Range(1, 50).Where(p => cutters.WearMm(p) >= cutters.LimitMm(p)).ToList();

        var inspection = cutters.Inspect(new Random(4));

        worn.Should().NotBeEmpty();
        inspection.Should().HaveCount(50);
        inspection.Where(i => i.Replaced).Select(i => i.Position).Should().BeEquivalentTo(worn);
        inspection.Where(i => i.Replaced).Should().OnlyContain(i => i.MeasuredWearMm >= 14.5);
        worn.Should().OnlyContain(p => cutters.WearMm(p) == 0);
    }

    [Fact]
    public void Roll_BlockedFacePositions_WearThreeTimesAsFastAsHealthyOnes()
    {
        var cutters = new CutterSet(TbmParameters.Laizhou, new Random(5));
        cutters.BlockedPositions.Should().Equal(14, 20);
        var before = Enumerable.Range(1, cutters.Count).Select(cutters.WearMm).ToArray();

        cutters.Roll(rpm: 10, dtSeconds: 3600, ucsMpa: 150);

        // Per rolled km (wear ÷ radius): healthy discs 0.8–1.2 × the base rate, blocked ones 3 × that (2.4–3.6).
        double PerRadius(int p) => (cutters.WearMm(p) - before[p - 1]) / cutters.RadiusM(p);
        var healthy = Enumerable.Range(5, 21).Except([14, 20]).Select(PerRadius).ToList();
        PerRadius(14).Should().BeGreaterThan(1.9 * healthy.Max());
        PerRadius(20).Should().BeGreaterThan(1.9 * healthy.Max());
    }
}
