using System.Text.Json;
using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;
using Equipment.Domain.Truck;
using Microsoft.Extensions.Time.Testing;

namespace Equipment.Domain.Tests.Alerts;

/// <summary>Shelving, latching and the pending period, on a TBM twin whose clock is a <see cref="FakeTimeProvider"/>.</summary>
public class AlarmHandlingTests
{
    private static readonly DateTimeOffset Six = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private const string GearOil = "gear-oil-temp-high";

    /// <summary>Telemetry arrives as the clock moves (device time = wall time), so the offline rule stays quiet.</summary>
    private static IReadOnlyList<AlertEvent> Feed(TbmTwin twin, FakeTimeProvider time, double gearOilC, double advanceS = 10)
    {
        time.Advance(TimeSpan.FromSeconds(advanceS));
        twin.Apply(new TbmSample(time.GetUtcNow(), GearOilTempC: gearOilC));
        return twin.EvaluateAlerts();
    }

    [Fact]
    public void Shelve_RuleThenRaise_AlertRaisedUnderShelfNotAlertingUntilExpiryThenUnshelvedActive()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        Feed(twin, time, 60).Should().BeEmpty();

        var (shelf, shelvedEvent) = twin.Shelve(GearOil, null, "op-1", "  sensor cable broken, fitter on the way ", TimeSpan.FromMinutes(30))!.Value;
        shelvedEvent.Should().BeNull("no alert is open yet");
        shelf.Should().Match<AlertShelf>(s => s.Scope == "rule" && s.By == "op-1" && s.Reason == "sensor cable broken, fitter on the way"
            && s.At == Six.AddSeconds(10) && s.Until == Six.AddSeconds(10).AddMinutes(30));

        var raised = Feed(twin, time, 95).Single();
        raised.Transition.Should().Be(AlertTransition.Raised);
        raised.Alert.Shelf.Should().Be(shelf);
        raised.Alert.IsAlerting.Should().BeFalse("a shelved alert does not count as alerting");
        raised.Alert.State.Should().Be(AlertState.Active, "it is still visible, with its shelf");

        // 29 min 40 s later the shelf still holds: nothing new while the value stays high.
        for (var k = 0; k < 178; k++) Feed(twin, time, 95).Should().BeEmpty();
        time.GetUtcNow().Should().Be(Six.AddSeconds(20 + 1780));

        var expired = Feed(twin, time, 95);
        expired.Should().ContainSingle().Which.Should().Match<AlertEvent>(e =>
            e.Transition == AlertTransition.Unshelved && e.At == shelf.Until && e.Alert.Id == raised.Alert.Id && e.Alert.IsAlerting);
        twin.Shelves.Single().Should().Match<AlertShelf>(s => s.EndedBy == "expired" && s.EndedAt == shelf.Until);
        twin.NextShelfExpiry.Should().BeNull();
    }

    [Fact]
    public void Shelve_RuleExpiresAfterValueRecovered_NothingToReactivate()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        Feed(twin, time, 95).Single().Transition.Should().Be(AlertTransition.Raised);

        var shelved = twin.Shelve(GearOil, null, "op-1", "known", TimeSpan.FromMinutes(1))!.Value.Event!;
        shelved.Transition.Should().Be(AlertTransition.Shelved);
        Feed(twin, time, 70).Single().Should().Match<AlertEvent>(e => e.Transition == AlertTransition.Cleared && e.Alert.Shelf != null);

        var after = Feed(twin, time, 70, advanceS: 60);

        after.Should().BeEmpty("the shelf ends, but no alert is open to announce");
        twin.Shelves.Single().EndedBy.Should().Be("expired");
        twin.OpenAlerts.Should().BeEmpty();
    }

    [Fact]
    public void Shelve_OneAlert_EndsWhenItClearsSoTheNextRaiseNotifies()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        var first = Feed(twin, time, 95).Single().Alert;

        twin.Shelve(GearOil, "tbm-a:gear-oil-temp-high:99", "op-1", "x", TimeSpan.FromHours(1)).Should().BeNull("that alert is not open");
        twin.Shelve("no-such-rule", null, "op-1", "x", TimeSpan.FromHours(1)).Should().BeNull();
        var (shelf, e) = twin.Shelve(GearOil, first.Id, "op-1", "workshop", TimeSpan.FromHours(1))!.Value;
        shelf.Scope.Should().Be("alert");
        e!.Alert.Shelf.Should().Be(shelf);

        Feed(twin, time, 70).Single().Transition.Should().Be(AlertTransition.Cleared);
        var second = Feed(twin, time, 95).Single().Alert;

        second.Id.Should().Be("tbm-a:gear-oil-temp-high:2");
        second.Shelf.Should().BeNull("the shelf was for the first occurrence only");
        twin.Shelves.Single().EndedBy.Should().Be("cleared");
    }

    [Fact]
    public void Unshelve_Early_AlertActiveAgainAndAuditKeepsWhoAndWhy()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Shelve(GearOil, null, "op-1", "fitter working on the cooler", TimeSpan.FromHours(8));
        Feed(twin, time, 95).Single().Alert.Shelf.Should().NotBeNull();

        time.Advance(TimeSpan.FromMinutes(5));
        var (ended, e) = twin.Unshelve(GearOil, "op-2")!.Value;

        e!.Transition.Should().Be(AlertTransition.Unshelved);
        e.Alert.IsAlerting.Should().BeTrue();
        ended.Should().Match<AlertShelf>(s => s.By == "op-1" && s.Reason == "fitter working on the cooler" && s.EndedBy == "op-2"
            && s.EndedAt == Six.AddSeconds(10).AddMinutes(5) && s.Until == Six.AddHours(8));
        twin.Unshelve(GearOil, "op-2").Should().BeNull("nothing is shelved any more");
        twin.OpenAlerts.Single().Shelf.Should().BeNull();
    }

    [Fact]
    public void Shelve_StateRoundTripsThroughJson_ShelfAndShelvedAlertSurvive()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time);
        twin.Shelve(GearOil, null, "op-1", "broken sensor", TimeSpan.FromHours(2));
        Feed(twin, time, 95);

        var json = JsonSerializer.Serialize(twin.State);
        var restored = new TbmTwin("tbm-a", new TbmParameters(), time, JsonSerializer.Deserialize<TbmTwinState>(json));

        restored.OpenAlerts.Single().Shelf!.Reason.Should().Be("broken sensor");
        restored.NextShelfExpiry.Should().Be(Six.AddHours(2));
        time.Advance(TimeSpan.FromHours(2));
        restored.Apply(new TbmSample(time.GetUtcNow(), GearOilTempC: 95));
        restored.EvaluateAlerts().Single().Transition.Should().Be(AlertTransition.Unshelved);
    }

    [Fact]
    public void Evaluate_LatchingRuleValueRecovers_StaysActiveUntilAcknowledgedThenClears()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time, null, [new AlertRuleOverride { RuleId = GearOil, Latching = true }]);
        var raised = Feed(twin, time, 82).Single().Alert;

        Feed(twin, time, 70).Should().BeEmpty("a latching alert does not clear by itself");
        twin.OpenAlerts.Single().Should().Match<Alert>(a => a.State == AlertState.Active && a.Latched);
        Feed(twin, time, 78).Should().BeEmpty();
        twin.OpenAlerts.Single().Latched.Should().BeFalse("the value left the normal band again");
        Feed(twin, time, 74).Should().BeEmpty();

        twin.Acknowledge(raised.Id, "op-1")!.Alert.State.Should().Be(AlertState.Acknowledged);
        var cleared = twin.EvaluateAlerts();

        cleared.Should().ContainSingle().Which.Alert.Should().Match<Alert>(a => a.State == AlertState.Cleared && a.AcknowledgedBy == "op-1");
    }

    [Fact]
    public void Evaluate_LatchingRuleAcknowledgedWhileStillHigh_ClearsWhenValueRecovers()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time, null, [new AlertRuleOverride { RuleId = GearOil, Latching = true }]);
        var raised = Feed(twin, time, 90).Single().Alert;
        twin.Acknowledge(raised.Id, "op-1");

        twin.EvaluateAlerts().Should().BeEmpty("still hot");
        Feed(twin, time, 74).Single().Transition.Should().Be(AlertTransition.Cleared);
    }

    [Fact]
    public void Evaluate_PendingPeriodPerKindThenPerMachine_MachineLayerWinsAndInterruptionRestartsIt()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TbmTwin("tbm-a", new TbmParameters(), time, null,
            [new AlertRuleOverride { RuleId = GearOil, MinDurationS = 300 }],
            [new AlertRuleOverride { RuleId = GearOil, MinDurationS = 60 }]);
        twin.Rules.Single(r => r.Id == GearOil).MinDurationS.Should().Be(60);

        Feed(twin, time, 85).Should().BeEmpty("pending starts at 06:00:10");
        Feed(twin, time, 85, advanceS: 50).Should().BeEmpty("50 s < 60 s");
        Feed(twin, time, 79).Should().BeEmpty("below the limit: the pending period restarts");
        Feed(twin, time, 85).Should().BeEmpty("pending again from 06:01:20");
        Feed(twin, time, 85, advanceS: 59).Should().BeEmpty("59 s");
        var raised = Feed(twin, time, 85, advanceS: 1);

        raised.Single().Alert.RaisedAt.Should().Be(Six.AddSeconds(140));
    }

    [Fact]
    public void Shelve_TruckInWorkshopOffline_ShelvedWhileSilentActiveAgainAfterTheShelf()
    {
        var time = new FakeTimeProvider(Six);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        twin.Apply(new TruckSample(Six, SocPct: 64, OdometerKm: 1200));
        time.Advance(TimeSpan.FromSeconds(30));
        twin.Shelve("offline", null, "fleet-control", "in the workshop at Lhasa, battery module swap", TimeSpan.FromDays(1));

        time.Advance(TimeSpan.FromMinutes(5));
        var raised = twin.EvaluateAlerts(Six).Single();
        time.Advance(TimeSpan.FromHours(20));
        twin.EvaluateAlerts(Six).Should().BeEmpty("still shelved, still silent");
        time.Advance(TimeSpan.FromHours(4));
        var back = twin.EvaluateAlerts(Six).Single();

        raised.Should().Match<AlertEvent>(e => e.Transition == AlertTransition.Raised && e.Alert.RuleId == "offline" && !e.Alert.IsAlerting);
        back.Should().Match<AlertEvent>(e => e.Transition == AlertTransition.Unshelved && e.Alert.Id == raised.Alert.Id && e.Alert.IsAlerting
            && e.At == Six.AddSeconds(30).AddDays(1));
    }

    [Theory]
    [InlineData(null, "broken sensor", "minutes")]
    [InlineData(0.5, "broken sensor", "minutes")]
    [InlineData(10081.0, "broken sensor", "minutes")]
    [InlineData(30.0, "  ", "reason")]
    [InlineData(30.0, null, "reason")]
    public void Validate_OutOfBoundsOrNoReason_NamesTheField(double? minutes, string? reason, string field)
    {
        var errors = new ShelvingLimits().Validate(minutes, reason);

        errors.Keys.Should().Equal(field);
        errors[field].Should().Contain(field);
    }

    [Fact]
    public void Validate_WithinBounds_NoErrors()
    {
        new ShelvingLimits().Validate(1, "x").Should().BeEmpty();
        new ShelvingLimits().Validate(7 * 24 * 60, "x").Should().BeEmpty();
        new ShelvingLimits { MaxReasonLength = 3 }.Validate(5, "long reason").Keys.Should().Equal("reason");
    }
}
