using Equipment.Domain.Battery;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tests.Battery;

public class ChargingSessionTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Rated 274 Ah; the pack holds 92 % of it: 252.08 Ah.</summary>
    private static readonly SohConditions Conditions = new(274);

    [Fact]
    public void Apply_ConstantCurrentChargeOfA92PercentPack_GivesCapacityAndSoh()
    {
        // Worked example: 126.04 A for one hour = 126.04 Ah into a 252.08 Ah pack moves SOC 20 → 70 %.
        // Ah/ΔSOC = 126.04 / 50 × 100 = 252.08 Ah; SOH = 252.08 / 274 = 92.0 %; 380 V × 126.04 A = 47.9 kW, 47.9 kWh.
        var tracker = new ChargingSessionTracker(Conditions);
        foreach (var s in Charge(T0, 3600, 20, 252.08, current: -126.04, voltage: 380))
        {
            tracker.Apply(s);
        }

        tracker.Tick(T0.AddSeconds(3600 + ChargingSessionTracker.EndAfterS)).Should().BeNull("a silence shorter than 30 min may be a gap in a session still charging");
        var session = tracker.Tick(T0.AddSeconds(3600 + ChargingSessionTracker.SilenceCloseS));

        session.Should().NotBeNull();
        session!.Start.Should().Be(T0);
        session.End.Should().Be(T0.AddSeconds(3600));
        session.StartSocPct.Should().Be(20);
        session.EndSocPct.Should().Be(70);
        session.ChargeAh.Should().BeApproximately(126.04, 0.01);
        session.EnergyKwh.Should().BeApproximately(47.895, 0.01);
        session.PeakPowerKw.Should().BeApproximately(47.9, 0.01);
        session.CapacityAh.Should().BeApproximately(252.08, 0.01);
        session.SohPct.Should().BeApproximately(92.0, 0.01);
        session.Excluded.Should().BeNull();
    }

    [Fact]
    public void Apply_NoisyCurrentWholePercentSocAndOneNotChargingSample_StaysOneSessionWithinTheExpectedError()
    {
        // Field-shaped: current noise σ 3 A, SOC reported in whole per cent (GB/T 32960), and one frame in the middle
        // whose charging state says 3 (not charging) with 0 A: a charger hiccup, not a new session.
        var random = new Random(7);
        var tracker = new ChargingSessionTracker(Conditions);
        var samples = Charge(T0, 5400, 15, 252.08, current: -100, voltage: 375).ToList();
        samples = [.. samples.Select(s => s with
        {
            BatteryCurrentA = s.BatteryCurrentA + (3 * Gaussian(random)),
            SocPct = Math.Round(s.SocPct!.Value),
        })];
        samples[270] = samples[270] with { Charging = 3, BatteryCurrentA = 0 };
        foreach (var s in samples)
        {
            tracker.Apply(s);
        }

        var closed = tracker.Tick(T0.AddHours(3));

        tracker.State.Closed.Should().ContainSingle();
        closed!.GapS.Should().Be(0);
        // 150 Ah less the one 10 s frame at 0 A (≈ 0.28 Ah); ΔSOC 15 → 74.5 (rounded to 74 or 75).
        var health = BatteryHealthEstimator.Estimate(tracker.State.Closed, Conditions);
        health.SohPct.Should().BeApproximately(92.0, health.SohErrorPct!.Value);
        health.SohErrorPct.Should().BeInRange(2.0, 6.0);
    }

    [Fact]
    public void Apply_TwoChargesWithADriveBetween_TwoSessions()
    {
        var tracker = new ChargingSessionTracker(Conditions);
        var first = Charge(T0, 1800, 30, 252.08, -120, 380).ToList();
        var driveStart = T0.AddSeconds(1810);
        var drive = Enumerable.Range(0, 170).Select(i => new TruckSample(driveStart.AddSeconds(10 * i), SpeedKmh: 50, SocPct: 50, BatteryCurrentA: 60, BatteryVoltageV: 370, Charging: 3));
        var second = Charge(T0.AddHours(1), 1800, 45, 252.08, -120, 380);
        var closedSessions = first.Concat(drive).Concat(second).Select(tracker.Apply).Where(s => s is not null).ToList();
        closedSessions.Add(tracker.Tick(T0.AddHours(2)));

        closedSessions.Should().HaveCount(2);
        closedSessions[0]!.End.Should().Be(T0.AddSeconds(1800));
        closedSessions[1]!.Start.Should().Be(T0.AddHours(1));
    }

    [Fact]
    public void Apply_FiveMinuteGapInTheFrames_IsCountedAndExcludesTheSessionFromSoh()
    {
        var tracker = new ChargingSessionTracker(Conditions);
        var samples = Charge(T0, 3600, 20, 252.08, -126.04, 380).Where(s => s.Timestamp < T0.AddSeconds(1200) || s.Timestamp >= T0.AddSeconds(1500));
        foreach (var s in samples)
        {
            tracker.Apply(s);
        }

        var session = tracker.Tick(T0.AddHours(2));

        session!.GapS.Should().Be(310);
        session.ChargeAh.Should().BeApproximately(126.04 * (3600 - 310) / 3600, 0.05);
        session.SohPct.Should().BeNull();
        session.Excluded.Should().Contain("gap");
    }

    [Fact]
    public void Apply_ShortTopUpAndColdPack_AreSessionsButNotUsedForSoh()
    {
        var tracker = new ChargingSessionTracker(Conditions);
        foreach (var s in Charge(T0, 900, 80, 252.08, -126.04, 390))
        {
            tracker.Apply(s);
        }

        foreach (var s in Charge(T0.AddHours(1), 3600, 20, 252.08, -126.04, 380, tempC: 2))
        {
            tracker.Apply(s);
        }

        tracker.Tick(T0.AddHours(3));

        tracker.State.Closed.Select(s => s.Excluded).Should().Equal("ΔSOC 12.5 pp < 20", "battery 0 °C < 10");
        BatteryHealthEstimator.Estimate(tracker.State.Closed, Conditions).SohPct.Should().BeNull();
    }

    [Fact]
    public void Apply_CurrentOnlyWithoutChargingCode_DetectsChargingWhileStanding()
    {
        ChargingSessionTracker.IsCharging(new TruckSample(T0, SpeedKmh: 0, BatteryCurrentA: -50)).Should().BeTrue();
        ChargingSessionTracker.IsCharging(new TruckSample(T0, SpeedKmh: 40, BatteryCurrentA: -50)).Should().BeFalse("regeneration on a descent is not charging");
        ChargingSessionTracker.IsCharging(new TruckSample(T0, SpeedKmh: 0, BatteryCurrentA: -50, Charging: 3)).Should().BeFalse();
        ChargingSessionTracker.IsCharging(new TruckSample(T0, SpeedKmh: 0, BatteryCurrentA: 0, Charging: 1)).Should().BeTrue();
    }

    [Fact]
    public void Estimate_TwoSessions_IsTheDeltaSocWeightedCapacityWithItsError()
    {
        // 126.04 Ah over 50 pp and 50.416 Ah over 20 pp: Σ 176.456 Ah / 70 pp = 252.08 Ah, SOH 92 %.
        // Error (2σ, relative) = 2·√(2·1²·2 / 70² + 0.01²) = 2·√(0.000816 + 0.0001) = 0.0605 → ± 5.57 pp.
        ChargingSession[] sessions =
        [
            new() { End = T0, StartSocPct = 20, EndSocPct = 70, ChargeAh = 126.04, SohPct = 92 },
            new() { End = T0.AddDays(1), StartSocPct = 60, EndSocPct = 80, ChargeAh = 50.416, SohPct = 92 },
        ];

        var health = BatteryHealthEstimator.Estimate(sessions, Conditions);

        health.SessionsUsed.Should().Be(2);
        health.EstimatedCapacityAh.Should().BeApproximately(252.08, 0.01);
        health.SohPct.Should().BeApproximately(92.0, 0.01);
        health.SohErrorPct.Should().BeApproximately(5.57, 0.02);
    }

    [Fact]
    public void Tick_TwelveQualifyingCharges_LogKeepsFiveAndSohUsesTheLastTen()
    {
        // Charges 0–9 of a 274 Ah pack (SOH 100 %), then two of a 252.08 Ah pack: the last ten are 8 × 274 Ah + 2 × 252.08 Ah,
        // each over 40 pp: Σ Ah ÷ Σ ΔSOC = (8 × 109.6 + 2 × 100.832) ÷ 400 × 100 = 269.62 Ah → 98.4 %.
        var tracker = new ChargingSessionTracker(Conditions);
        for (var i = 0; i < 12; i++)
        {
            var capacity = i < 10 ? 274 : 252.08;
            foreach (var s in Charge(T0.AddDays(i), 3600, 30, capacity, -capacity * 0.4, 380))
            {
                tracker.Apply(s);
            }

            tracker.Tick(T0.AddDays(i).AddHours(2)).Should().NotBeNull();
        }

        tracker.State.Closed.Should().HaveCount(ChargingSessionTracker.MaxSessions);
        var health = BatteryHealthEstimator.Estimate(tracker.State, Conditions);
        health.SessionsSeen.Should().Be(12);
        health.SessionsUsed.Should().Be(10);
        health.EstimatedCapacityAh.Should().BeApproximately(269.62, 0.01);
        health.SohPct.Should().BeApproximately(98.4, 0.01);
    }

    /// <summary>Samples every 10 s of a constant-current charge of a pack of <paramref name="capacityAh"/>, charging state 1.</summary>
    internal static IEnumerable<TruckSample> Charge(DateTimeOffset start, int seconds, double startSoc, double capacityAh, double current, double voltage, double tempC = 25)
    {
        for (var t = 0; t <= seconds; t += 10)
        {
            var soc = startSoc + (-current * t / 3600 / capacityAh * 100);
            yield return new TruckSample(start.AddSeconds(t), SpeedKmh: 0, SocPct: Math.Round(soc, 3), BatteryTempC: tempC, BatteryVoltageV: voltage,
                BatteryCurrentA: current, BatteryTempMinC: tempC - 2, Charging: 1);
        }
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
