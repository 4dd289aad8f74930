using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Equipment.Domain.Tests.Tbm;

public class TbmTwinTests
{
    private static readonly DateTimeOffset Six = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    private static TbmSample Boring(DateTimeOffset t, long stroke, double torqueKnm, double chainage) =>
        new(t, ChainageM: chainage, Stroke: stroke, ThrustKn: 10000, TorqueKnm: torqueKnm, Rpm: 6, PenetrationMmRev: 10, Boring: true);

    [Fact]
    public void Snapshot_BoringSample_ReportsDerivedKpis()
    {
        var time = new FakeTimeProvider(Six.AddSeconds(10));
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(Boring(Six, 1, 1600, 100));

        var kpis = twin.Snapshot();

        // F/n = 10000/50 = 200 kN; FPI = 200/10 = 20; ratio = 1600/3234.727 = 0.494632; SE = 26.382294 MJ/m³.
        kpis.ThrustPerCutterKn.Should().Be(200);
        kpis.FieldPenetrationIndex.Should().Be(20);
        kpis.TorqueRatio.Should().BeApproximately(0.494632, 0.000001);
        kpis.SpecificEnergyMjPerM3.Should().BeApproximately(26.382294, 0.000001);
        kpis.Boring.Should().BeTrue();
        kpis.ChainageM.Should().Be(100);
        kpis.Stroke.Should().Be(1);
        kpis.DayTargetM.Should().Be(20);
        kpis.At.Should().Be(Six.AddSeconds(10));
    }

    [Fact]
    public void EvaluateAlerts_ThreeExceptionalStrokesInARow_RaisesExceptionalStrokes()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        // T = 2000 kNm → ratio 0.618 (exceptional).
        for (var stroke = 1; stroke <= 4; stroke++) twin.Apply(Boring(Six.AddSeconds(stroke), stroke, 2000, stroke * 1.7));
        time.SetUtcNow(Six.AddSeconds(5));

        var events = twin.EvaluateAlerts();

        events.Should().ContainSingle().Which.Alert.Id.Should().Be("tbm-a:exceptional-strokes:1");
        twin.Snapshot().ConsecutiveExceptionalStrokes.Should().Be(3);
        twin.Strokes.Should().HaveCount(4);
    }

    [Fact]
    public void EvaluateAlerts_SlowAdvanceWhileBoringFor30Minutes_RaisesAdvanceRateLow()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        var raisedAt = new List<int>();
        // 1 m/h = 1/60 m per minute, below the 2 m/h target. The first rate exists at minute 1, so the 30 min run ends at minute 31.
        for (var minute = 0; minute <= 40; minute++)
        {
            time.SetUtcNow(Six.AddMinutes(minute));
            twin.Apply(Boring(Six.AddMinutes(minute), 1, 1600, 100 + minute / 60.0));
            if (twin.EvaluateAlerts().Any(e => e.Alert.RuleId == "advance-rate-low" && e.Transition == AlertTransition.Raised))
                raisedAt.Add(minute);
        }

        raisedAt.Should().Equal(31);
        twin.Snapshot().BoringAdvanceRateMPerH.Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void EvaluateAlerts_NoTelemetryFor120s_RaisesOffline()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(new TbmSample(Six, GearOilTempC: 60));
        time.Advance(TimeSpan.FromSeconds(119));
        twin.EvaluateAlerts().Should().BeEmpty();

        time.Advance(TimeSpan.FromSeconds(1));

        twin.EvaluateAlerts().Single().Alert.RuleId.Should().Be("offline");
    }

    [Fact]
    public void EvaluateAlerts_ConnectionDeclaredLost_RaisesOfflineAtOnceAndClearsFiveMinutesAfterDataResumes()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(new TbmSample(Six, GearOilTempC: 60));
        time.Advance(TimeSpan.FromSeconds(2));

        // A Sparkplug B DDEATH: the death line itself is telemetry just received, then the loss is reported.
        twin.Apply(new TbmSample(Six.AddSeconds(2)));
        twin.ReportConnection(false, Six.AddSeconds(2));
        var raised = twin.EvaluateAlerts();

        raised.Should().ContainSingle().Which.Alert.RuleId.Should().Be("offline");
        twin.State.ConnectionLostAt.Should().Be(Six.AddSeconds(2));

        // A late sample from before the death does not end it; the edge node reconnecting with new data does.
        twin.Apply(new TbmSample(Six.AddSeconds(1), GearOilTempC: 61));
        twin.State.ConnectionLostAt.Should().NotBeNull();
        time.Advance(TimeSpan.FromSeconds(30));
        twin.EvaluateAlerts().Should().BeEmpty("the alert stays open while the connection is lost");
        for (var s = 0; s <= 300; s += 10)
        {
            time.SetUtcNow(Six.AddSeconds(40 + s));
            twin.Apply(new TbmSample(Six.AddSeconds(40 + s), GearOilTempC: 60));
            var events = twin.EvaluateAlerts();
            if (s < 300) events.Should().BeEmpty($"offline clears only after five minutes online (at {s} s)");
            else events.Should().ContainSingle().Which.Transition.Should().Be(AlertTransition.Cleared);
        }

        twin.State.ConnectionLostAt.Should().BeNull();
    }

    [Fact]
    public void ReportConnection_DeathOlderThanNewestTelemetry_IsIgnored()
    {
        var time = new FakeTimeProvider(Six.AddSeconds(10));
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(new TbmSample(Six.AddSeconds(10), GearOilTempC: 60));

        // A stale will (the node already reconnected and sent newer data) says nothing about now.
        twin.ReportConnection(false, Six);

        twin.State.ConnectionLostAt.Should().BeNull();
        twin.EvaluateAlerts().Should().BeEmpty();
    }

    [Fact]
    public void EvaluateAlerts_HotGearOilWithMachineOverride_UsesOverriddenLimit()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time, null,
            [new AlertRuleOverride { RuleId = "gear-oil-temp-high", RaiseAt = 85, ClearAt = 80 }]);
        twin.Apply(new TbmSample(Six, GearOilTempC: 82));
        twin.EvaluateAlerts().Should().BeEmpty();

        twin.Apply(new TbmSample(Six.AddSeconds(1), GearOilTempC: 85));
        var raised = twin.EvaluateAlerts().Single();
        var ack = twin.Acknowledge(raised.Alert.Id, "shift-lead");

        raised.Alert.Severity.Should().Be(AlertSeverity.Major);
        ack!.Alert.State.Should().Be(AlertState.Acknowledged);
        twin.OpenAlerts.Single().AcknowledgedBy.Should().Be("shift-lead");
    }

    [Fact]
    public void Apply_CutterSample_UsesTwinChainageAndRevolutions()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(Boring(Six, 1, 1600, 100));
        twin.Apply(new CutterSample(Six, 50, WearMm: 0, Replaced: true)).Should().BeTrue();
        for (var k = 1; k <= 360; k++) twin.Apply(Boring(Six.AddSeconds(10 * k), 1, 1600, 100 + 0.01 * k));
        twin.Apply(new CutterSample(Six.AddSeconds(3600), 50, WearMm: 2.0));

        var wear = twin.CutterWear.Single();

        // 360 intervals × 10 s at 6 rpm = 360 rev; advance 3.6 m: same worked numbers as the tracker test (gauge limit 15 mm).
        wear.WearRateMmPerM.Should().BeApproximately(0.555556, 0.000001);
        wear.WearRateMmPerKm.Should().BeApproximately(0.252627, 0.000001);
        wear.ChainageAtLimitM.Should().BeApproximately(127.0, 1e-6);
    }

    [Fact]
    public void Apply_LinesWithoutStrokeOrBoring_InheritThemButNotMeasuredValues()
    {
        var twin = new TbmTwin("tbm-a", new TbmParameters(), new FakeTimeProvider(Six));
        twin.Apply(Boring(Six, 7, 1600, 100));
        twin.Apply(new TbmSample(Six.AddSeconds(10), ChainageM: 100.5, ThrustKn: 12000, TorqueKnm: 1800, Rpm: 6, PenetrationMmRev: 12));
        twin.Apply(new TbmSample(Six.AddSeconds(20), ChainageM: 101));

        var open = twin.Strokes.Single();

        // Two valid samples in stroke 7: p mean (10 + 12)/2 = 11; the chainage-only line adds no sample but moves the end.
        open.Stroke.Should().Be(7);
        open.Samples.Should().Be(2);
        open.Mean.PenetrationMmRev.Should().Be(11);
        open.ChainageEndM.Should().Be(101);
    }

    [Fact]
    public void Constructor_InvalidParameters_ThrowsWithReason()
    {
        var act = () => new TbmTwin("tbm-a", new TbmParameters { CutterCount = 0, TorqueRatioBand = [0.6, 0.5] }, TimeProvider.System);

        act.Should().Throw<ArgumentException>().WithMessage("*cutterCount must be > 0*torqueRatioBand must satisfy*");
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.01)]
    [InlineData(true, 0.5)]
    [InlineData(false, 10.0)]
    public void Snapshot_NotCuttingOrPenetrationNearZero_RatiosAreAbsentNotHuge(bool boring, double penetration)
    {
        // At p = 0.01 mm/rev Teale's SE would be 0.26 + 2π·1.6/(38.48 × 1e-5) ≈ 26,000 MJ/m³ and FPI 20,000.
        var time = new FakeTimeProvider(Six.AddSeconds(10));
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(Boring(Six, 1, 1600, 100));
        twin.Apply(new TbmSample(Six.AddSeconds(1), ThrustKn: 10000, TorqueKnm: 1600, Rpm: 6, PenetrationMmRev: penetration, Boring: boring));

        var kpis = twin.Snapshot();

        kpis.FieldPenetrationIndex.Should().BeNull();
        kpis.SpecificEnergyMjPerM3.Should().BeNull();
        kpis.TorqueRatio.Should().BeNull();
        kpis.ThrustPerCutterKn.Should().Be(200, "thrust per cutter does not divide by penetration");
    }

    [Fact]
    public void EvaluateAlerts_RateHoveringAroundTarget_RaisesOnceAndDoesNotFlap()
    {
        // 40 min at 1.5 m/h raises (≤ 2 for 30 min); then the rate hovers 1.9–2.3 m/h for an hour: with raise and clear both
        // at 2 m/h every swing would clear and re-raise; the clear level 2.5 m/h keeps one alert open until 3 m/h.
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        var events = new List<AlertEvent>();
        var chainage = 100.0;
        for (var minute = 0; minute <= 130; minute++)
        {
            var rate = minute <= 40 ? 1.5 : minute <= 100 ? (minute % 2 == 0 ? 2.3 : 1.9) : 3.0;
            chainage += rate / 60;
            time.SetUtcNow(Six.AddMinutes(minute));
            twin.Apply(Boring(Six.AddMinutes(minute), 1, 1600, chainage));
            events.AddRange(twin.EvaluateAlerts().Where(e => e.Alert.RuleId == "advance-rate-low"));
        }

        events.Select(e => e.Transition).Should().Equal(AlertTransition.Raised, AlertTransition.Cleared);
        events[1].At.Should().Be(Six.AddMinutes(101), "the rate over minute 100–101 is the first at 3 m/h");
    }

    [Fact]
    public void EvaluateAlerts_CutterWearAt80PercentOfItsClassLimit_WarnsMinorThenMajorAtLimit()
    {
        // Gauge (positions 43–50 of 50) limit 15 mm: 12 mm = 80 % → minor warning; 15 mm → major. A face cutter at 19 mm
        // (76 % of 25) alone raises nothing.
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Apply(new CutterSample(Six, 20, WearMm: 19));
        twin.EvaluateAlerts().Should().BeEmpty();

        twin.Apply(new CutterSample(Six.AddHours(1), 48, WearMm: 12));
        var warning = twin.EvaluateAlerts();
        twin.Apply(new CutterSample(Six.AddHours(2), 48, WearMm: 15));
        var limit = twin.EvaluateAlerts();
        twin.Apply(new CutterSample(Six.AddHours(3), 48, WearMm: 0, Replaced: true));
        var replaced = twin.EvaluateAlerts();

        warning.Should().ContainSingle().Which.Alert.Should().Match<Alert>(a => a.RuleId == "cutter-wear-warning" && a.Severity == AlertSeverity.Minor);
        limit.Should().ContainSingle().Which.Alert.Should().Match<Alert>(a => a.RuleId == "cutter-wear-limit" && a.Severity == AlertSeverity.Major);
        // After the change the face cutter at 19 of 25 mm (76 %) is the highest: inside the 75–80 % band, so the warning
        // stays open (hysteresis) and only the limit alert clears.
        replaced.Should().ContainSingle().Which.Should().Match<AlertEvent>(e => e.Alert.RuleId == "cutter-wear-limit" && e.Transition == AlertTransition.Cleared);
        twin.OpenAlerts.Should().ContainSingle().Which.RuleId.Should().Be("cutter-wear-warning");
    }

    [Fact]
    public void EvaluateAlerts_HourOfSlowBoringBackFilledInOneWallMinute_RaisesOnDeviceTime()
    {
        // A spool replay delivers 40 device minutes at 1 m/h while the wall clock moves one minute: the 30-minute
        // condition held on device time, so it raises; on the wall clock it never would.
        var time = new FakeTimeProvider(Six.AddHours(5));
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        var raised = new List<AlertEvent>();
        for (var minute = 0; minute <= 40; minute++)
        {
            twin.Apply(Boring(Six.AddMinutes(minute), 1, 1600, 100 + minute / 60.0));
            raised.AddRange(twin.EvaluateAlerts().Where(e => e.Alert.RuleId == "advance-rate-low"));
            time.Advance(TimeSpan.FromSeconds(1.5));
        }

        raised.Should().ContainSingle().Which.Transition.Should().Be(AlertTransition.Raised);
    }

    [Fact]
    public void Snapshot_ShiftBackFilledWhileWallClockIsLater_UtilisationAndStandstillOnDeviceTime()
    {
        // A spool replay delivers 06:00:00–06:59:59 (30 s boring, 30 s standing, repeated) at 13:00 wall time, same shift.
        // Boring = 60 × 30 s = 1800 s; utilisation = 1800 ÷ 3599 s of device time covered = 0.50014 (on the wall clock:
        // 1800/25200 = 0.071); the last standstill began at 06:59:30, so at the newest sample it has lasted 29 s (not 6 h).
        var time = new FakeTimeProvider(Six.AddHours(7));
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        for (var k = 0; k < 3600; k++)
            twin.Apply(new TbmSample(Six.AddSeconds(k), ChainageM: 100, Rpm: k % 60 < 30 ? 6 : 0, Boring: k % 60 < 30));

        var kpis = twin.Snapshot();

        kpis.ShiftUtilisation.Should().BeApproximately(1800.0 / 3599, 1e-12);
        kpis.DayUtilisation.Should().BeApproximately(1800.0 / 3599, 1e-12);
        kpis.StandstillS.Should().Be(29);
    }
}
