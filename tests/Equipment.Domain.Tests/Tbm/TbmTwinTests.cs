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

        // 360 intervals × 10 s at 6 rpm = 360 rev; advance 3.6 m: same worked numbers as the tracker test.
        wear.WearRateMmPerM.Should().BeApproximately(0.555556, 0.000001);
        wear.WearRateMmPerKm.Should().BeApproximately(0.252627, 0.000001);
        wear.ChainageAtLimitM.Should().BeApproximately(145.0, 1e-6);
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
}
