using Equipment.Domain.Telemetry;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Truck;

public class AltitudeRunTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static TruckSample S(int s, double speed, double? odo = null, double? alt = null, double? power = null, double? soc = null, double? batt = null) =>
        new(T0.AddSeconds(s), OdometerKm: odo, AltitudeM: alt, SpeedKmh: speed, SocPct: soc, BatteryTempC: batt, PowerKw: power);

    private static (AltitudeRunTracker Tracker, AltitudeRun? Closed) ShortRun()
    {
        var tracker = new AltitudeRunTracker();
        tracker.Apply(S(0, 0, 100.0, 3990, 0, 80, 20));
        tracker.Apply(S(60, 30, 100.0, 3990, 50, 80, 20));
        tracker.Apply(S(120, 40, 100.6, 4003, 70, 79, 22));
        tracker.Apply(S(180, 40, 101.2, 4010, -20, 78.5, 25));
        tracker.Apply(S(240, 0.5, 101.5, 4002, 0, 78.4, 24));
        var closed = tracker.Apply(S(840, 0, power: 0));
        return (tracker, closed);
    }

    [Fact]
    public void Apply_DriveThenTenMinuteStop_ClosesRunWithWorkedTotals()
    {
        var (_, closed) = ShortRun();

        // Energy, 60 s steps (1/60 h): 50→70: 60·(1/60) = 1.0 drawn; 70→−20: zero at 7/9, drawn 35·7/9/60 = 0.453704,
        // regen 10·2/9/60 = 0.037037; −20→0: regen 10/60 = 0.166667; 240→840 s is a 600 s gap (> 300 s), not integrated.
        // Drawn 1.453704, regen 0.203704, net 1.25 kWh over 101.5 − 100.0 = 1.5 km → 83.333 kWh/100 km.
        // Altitude 3990 → 4003 → 4010 → 4002, low-passed with τ = 120 s (α = 1 − e^−0.5 = 0.393469 per 60 s step):
        // 3995.115 → 4000.972 → 4001.376, all inside the ±15 m band; at the close the remainder +11.376 is counted:
        // ascent 11.376, descent 0 (a 3-minute wiggle is smoothed away) → 1.25/11.376·1000 = 109.877.
        // Above 4000 m: 120→180 and 180→240 start above 4000 → 120 s.
        closed.Should().NotBeNull();
        var run = closed!;
        run.RunId.Should().Be(1);
        run.Start.Should().Be(T0.AddSeconds(60));
        run.End.Should().Be(T0.AddSeconds(240));
        run.DistanceKm.Should().BeApproximately(1.5, 1e-9);
        run.EnergyKwh.Should().BeApproximately(1.453704, 0.000001);
        run.RegenKwh.Should().BeApproximately(0.203704, 0.000001);
        run.KwhPer100Km!.Value.Should().BeApproximately(83.3333, 0.0001);
        run.AscentM.Should().BeApproximately(11.376397, 0.000001);
        run.DescentM.Should().Be(0);
        run.KwhPer1000mClimb!.Value.Should().BeApproximately(109.876615, 0.000001);
        run.AltitudeSource.Should().Be("measured");
        run.MaxAltitudeM.Should().Be(4010);
        run.MinSocPct.Should().Be(78.4);
        run.BatteryTempMinC.Should().Be(20);
        run.BatteryTempMaxC.Should().Be(25);
        run.TimeAbove4000mS.Should().Be(120);
    }

    [Fact]
    public void Runs_WhileDriving_ListsOpenRunWithNullEnd()
    {
        var tracker = new AltitudeRunTracker();
        tracker.Apply(S(0, 30, 10, 500, 20));
        tracker.Apply(S(60, 30, 10.5, 500, 20));

        var run = tracker.Runs.Single();

        run.End.Should().BeNull();
        run.DistanceKm.Should().BeApproximately(0.5, 1e-9);
        run.EnergyKwh.Should().BeApproximately(20.0 / 60.0, 1e-12);
    }

    [Fact]
    public void Apply_StopShorterThanTenMinutes_KeepsRunOpen()
    {
        var tracker = new AltitudeRunTracker();
        tracker.Apply(S(0, 30, 10));
        tracker.Apply(S(60, 0, 10.5));
        tracker.Apply(S(60 + 300, 0, 10.5)).Should().BeNull();
        tracker.Apply(S(60 + 599, 25, 10.5)).Should().BeNull("the truck moved off 1 s before the stop would count");

        tracker.State.Open.Should().NotBeNull();
        tracker.State.Open!.StoppedSince.Should().BeNull();
    }

    [Fact]
    public void Tick_TenMinutesAfterStopWithoutSamples_ClosesRun()
    {
        var tracker = new AltitudeRunTracker();
        tracker.Apply(S(0, 30, 10));
        tracker.Apply(S(60, 0.2, 10.5));

        tracker.Tick(T0.AddSeconds(60 + 599)).Should().BeNull();
        tracker.Tick(T0.AddSeconds(60 + 600))!.End.Should().Be(T0.AddSeconds(60));
    }

    [Fact]
    public void Apply_AltitudeJitterBelowFiveMetres_CountsNoClimb()
    {
        var tracker = new AltitudeRunTracker();
        double[] altitudes = [1000, 1003, 998, 1002, 999, 1004];
        for (var i = 0; i < altitudes.Length; i++) tracker.Apply(S(i * 10, 30, alt: altitudes[i]));

        var run = tracker.Runs.Single();
        run.AscentM.Should().Be(0);
        run.DescentM.Should().Be(0);
        run.KwhPer1000mClimb.Should().BeNull();
    }

    [Fact]
    public void Apply_MoreRunsThanLimit_KeepsNewest()
    {
        var tracker = new AltitudeRunTracker(maxRuns: 2);
        for (var run = 0; run < 3; run++)
        {
            var t = run * 3600;
            tracker.Apply(S(t, 30, 10));
            tracker.Apply(S(t + 60, 0, 11));
            tracker.Tick(T0.AddSeconds(t + 60 + 600));
        }

        tracker.State.Closed.Select(r => r.RunId).Should().Equal(2, 3);
    }
}
