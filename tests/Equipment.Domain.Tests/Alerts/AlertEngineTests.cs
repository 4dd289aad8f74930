using Equipment.Domain.Alerts;

namespace Equipment.Domain.Tests.Alerts;

public class AlertEngineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly AlertRule GearOil = new()
    {
        Id = "gear-oil-temp-high", Metric = "gearOilTempC", RaiseAt = 80, ClearAt = 75, Severity = AlertSeverity.Major,
    };

    private static Dictionary<string, double> M(string name, double value) => new() { [name] = value };

    private static readonly Dictionary<string, double> None = [];

    [Fact]
    public void Evaluate_AboveRule_RaisesAtLimitHoldsInHysteresisBandClearsAtClearLevel()
    {
        var engine = new AlertEngine("tbm-1", [GearOil]);

        engine.Evaluate(M("gearOilTempC", 79.9), T0, T0).Should().BeEmpty();
        var raised = engine.Evaluate(M("gearOilTempC", 80.0), T0, T0.AddSeconds(1));
        engine.Evaluate(M("gearOilTempC", 75.1), T0, T0.AddSeconds(2)).Should().BeEmpty("75.1 is inside the 75–80 hysteresis band");
        var cleared = engine.Evaluate(M("gearOilTempC", 75.0), T0, T0.AddSeconds(3));

        raised.Should().ContainSingle().Which.Transition.Should().Be(AlertTransition.Raised);
        var alert = raised[0].Alert;
        alert.Id.Should().Be("tbm-1:gear-oil-temp-high:1");
        alert.State.Should().Be(AlertState.Active);
        alert.Severity.Should().Be(AlertSeverity.Major);
        alert.Value.Should().Be(80.0);
        alert.Threshold.Should().Be(80.0);
        alert.RaisedAt.Should().Be(T0.AddSeconds(1));
        cleared.Should().ContainSingle().Which.Alert.Should().Match<Alert>(a =>
            a.State == AlertState.Cleared && a.ClearedAt == T0.AddSeconds(3) && a.Id == "tbm-1:gear-oil-temp-high:1");
        engine.OpenAlerts.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_ConditionStaysTrue_RaisesOnlyOnceAndNextOccurrenceGetsNextSequence()
    {
        var engine = new AlertEngine("tbm-1", [GearOil]);
        engine.Evaluate(M("gearOilTempC", 85), T0, T0);
        engine.Evaluate(M("gearOilTempC", 90), T0, T0.AddSeconds(1)).Should().BeEmpty();
        engine.OpenAlerts.Should().HaveCount(1);

        engine.Evaluate(M("gearOilTempC", 60), T0, T0.AddSeconds(2));
        var again = engine.Evaluate(M("gearOilTempC", 81), T0, T0.AddSeconds(3));

        again.Single().Alert.Id.Should().Be("tbm-1:gear-oil-temp-high:2");
    }

    [Fact]
    public void Evaluate_BelowRuleWithMinimumDuration_RaisesOnlyAfterConditionHeldLongEnough()
    {
        var rule = new AlertRule
        {
            Id = "advance-rate-low", Metric = "rate", Direction = ThresholdDirection.Below, RaiseAt = 2, ClearAt = 2.5, MinDurationS = 1800,
        };
        var engine = new AlertEngine("tbm-1", [rule]);

        engine.Evaluate(M("rate", 1.5), T0, T0).Should().BeEmpty();
        engine.Evaluate(M("rate", 1.0), T0, T0.AddMinutes(29)).Should().BeEmpty();
        engine.Evaluate(M("rate", 1.0), T0, T0.AddMinutes(30)).Should().ContainSingle()
            .Which.Alert.RaisedAt.Should().Be(T0.AddMinutes(30));
        engine.Evaluate(M("rate", 2.2), T0, T0.AddMinutes(31)).Should().BeEmpty("2.2 m/h is inside the hysteresis band");
        engine.Evaluate(M("rate", 2.5), T0, T0.AddMinutes(32)).Single().Transition.Should().Be(AlertTransition.Cleared);
    }

    [Fact]
    public void Evaluate_ConditionInterruptedOrMetricMissing_RestartsMinimumDuration()
    {
        var rule = new AlertRule
        {
            Id = "advance-rate-low", Metric = "rate", Direction = ThresholdDirection.Below, RaiseAt = 2, ClearAt = 2.5, MinDurationS = 1800,
        };
        var engine = new AlertEngine("tbm-1", [rule]);
        engine.Evaluate(M("rate", 1.0), T0, T0);
        engine.Evaluate(None, T0, T0.AddMinutes(20));
        engine.Evaluate(M("rate", 1.0), T0, T0.AddMinutes(25));

        engine.Evaluate(M("rate", 1.0), T0, T0.AddMinutes(50)).Should().BeEmpty("the condition restarted at minute 25");
        engine.Evaluate(M("rate", 1.0), T0, T0.AddMinutes(55)).Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_MetricMissingWhileOpen_KeepsAlertOpen()
    {
        var engine = new AlertEngine("tbm-1", [GearOil]);
        engine.Evaluate(M("gearOilTempC", 85), T0, T0);

        engine.Evaluate(None, T0, T0.AddMinutes(5)).Should().BeEmpty();

        engine.OpenAlerts.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_StaleRule_RaisesAfterLimitAndClearsOnFreshTelemetry()
    {
        var offline = new AlertRule { Id = "offline", Kind = AlertRuleKind.Stale, StaleAfterS = 120, Severity = AlertSeverity.Major };
        var engine = new AlertEngine("truck-7", [offline]);

        engine.Evaluate(None, null, T0).Should().BeEmpty("a machine never heard from is not offline yet");
        engine.Evaluate(None, T0, T0.AddSeconds(119)).Should().BeEmpty();
        var raised = engine.Evaluate(None, T0, T0.AddSeconds(120));
        var cleared = engine.Evaluate(None, T0.AddSeconds(130), T0.AddSeconds(131));

        raised.Single().Alert.Value.Should().Be(120);
        raised.Single().Alert.Message.Should().Contain("120 s");
        cleared.Single().Transition.Should().Be(AlertTransition.Cleared);
    }

    [Fact]
    public void Evaluate_RateOfChangeRule_UsesChangePerMinuteOverWindow()
    {
        var rule = new AlertRule
        {
            Id = "battery-temp-rising", Kind = AlertRuleKind.RateOfChange, Metric = "batteryTempC", RaiseAt = 1.0, ClearAt = 0.2, RateWindowS = 60,
        };
        var engine = new AlertEngine("truck-7", [rule]);

        engine.Evaluate(M("batteryTempC", 20.0), T0, T0).Should().BeEmpty();
        engine.Evaluate(M("batteryTempC", 25.0), T0, T0.AddSeconds(30)).Should().BeEmpty("30 s is shorter than the window");
        // (21.5 − 20) / (90 s / 60) = 1.0 °C/min ≥ 1.0 → raise.
        var raised = engine.Evaluate(M("batteryTempC", 21.5), T0, T0.AddSeconds(90));
        // (21.6 − 21.5) / (60 s / 60) = 0.1 °C/min ≤ 0.2 → clear.
        var cleared = engine.Evaluate(M("batteryTempC", 21.6), T0, T0.AddSeconds(150));

        raised.Single().Alert.Value.Should().BeApproximately(1.0, 1e-9);
        cleared.Single().Transition.Should().Be(AlertTransition.Cleared);
    }

    [Fact]
    public void Acknowledge_ActiveAlert_BecomesAcknowledgedAndStaysOpenUntilCleared()
    {
        var engine = new AlertEngine("tbm-1", [GearOil]);
        var id = engine.Evaluate(M("gearOilTempC", 85), T0, T0).Single().Alert.Id;

        var ack = engine.Acknowledge(id, "anna", T0.AddMinutes(1));
        var second = engine.Acknowledge(id, "bob", T0.AddMinutes(2));
        var cleared = engine.Evaluate(M("gearOilTempC", 70), T0, T0.AddMinutes(3)).Single().Alert;

        ack!.Transition.Should().Be(AlertTransition.Acknowledged);
        ack.Alert.State.Should().Be(AlertState.Acknowledged);
        ack.Alert.AcknowledgedBy.Should().Be("anna");
        ack.Alert.AcknowledgedAt.Should().Be(T0.AddMinutes(1));
        second.Should().BeNull();
        cleared.State.Should().Be(AlertState.Cleared);
        cleared.AcknowledgedBy.Should().Be("anna");
        cleared.ClearedUnacknowledged.Should().BeFalse();
    }

    [Fact]
    public void Acknowledge_ClearedUnacknowledgedAlert_RecordsAcknowledgementAndStaysCleared()
    {
        var engine = new AlertEngine("tbm-1", [GearOil]);
        var id = engine.Evaluate(M("gearOilTempC", 85), T0, T0).Single().Alert.Id;
        var cleared = engine.Evaluate(M("gearOilTempC", 70), T0, T0.AddMinutes(1)).Single().Alert;
        cleared.ClearedUnacknowledged.Should().BeTrue();

        var ack = engine.Acknowledge(id, "anna", T0.AddMinutes(2));

        ack!.Alert.State.Should().Be(AlertState.Cleared);
        ack.Alert.ClearedUnacknowledged.Should().BeFalse();
        engine.State.RecentlyCleared.Single().AcknowledgedBy.Should().Be("anna");
        engine.Acknowledge(id, "bob", T0.AddMinutes(3)).Should().BeNull();
        engine.Acknowledge("tbm-1:nope:1", "bob", T0).Should().BeNull();
    }

    [Fact]
    public void Evaluate_RuleDisabledWhileOpen_ClearsItsAlert()
    {
        var state = new AlertBookState();
        new AlertEngine("tbm-1", [GearOil], state).Evaluate(M("gearOilTempC", 85), T0, T0);

        var events = new AlertEngine("tbm-1", [GearOil with { Enabled = false }], state).Evaluate(M("gearOilTempC", 85), T0, T0.AddSeconds(1));

        events.Single().Transition.Should().Be(AlertTransition.Cleared);
        state.Open.Should().BeEmpty();
    }

    [Fact]
    public void Merge_KindThenMachineOverrides_LastLayerWins()
    {
        var merged = AlertRuleSet.Merge(
            [GearOil],
            [new AlertRuleOverride { RuleId = "gear-oil-temp-high", RaiseAt = 85, ClearAt = 78 }],
            [new AlertRuleOverride { RuleId = "gear-oil-temp-high", RaiseAt = 90, Severity = AlertSeverity.Critical }]);

        merged.Single().Should().Match<AlertRule>(r => r.RaiseAt == 90 && r.ClearAt == 78 && r.Severity == AlertSeverity.Critical && r.Metric == "gearOilTempC");
    }

    [Fact]
    public void Merge_UnknownRuleOrBrokenHysteresis_ThrowsNamingTheProblem()
    {
        var unknown = () => AlertRuleSet.Merge([GearOil], [new AlertRuleOverride { RuleId = "nope" }]);
        var inverted = () => AlertRuleSet.Merge([GearOil], [new AlertRuleOverride { RuleId = "gear-oil-temp-high", ClearAt = 85 }]);

        unknown.Should().Throw<ArgumentException>().WithMessage("*unknown rule id 'nope'*");
        inverted.Should().Throw<ArgumentException>().WithMessage("*clearAt (85) must be < raiseAt (80)*");
    }

    [Fact]
    public void Evaluate_RateOfChangeWithDeviceTime_DividesByDeviceStepsNotWallClock()
    {
        var rule = new AlertRule
        {
            Id = "battery-temp-rising", Kind = AlertRuleKind.RateOfChange, Metric = "batteryTempC", RaiseAt = 1.0, ClearAt = 0.2, RateWindowS = 60,
        };
        var engine = new AlertEngine("truck-7", [rule]);

        // Device samples 10 min apart (+2 °C: 0.2 °C/min) arrive back-filled one wall second apart: on the wall clock
        // that would be 120 °C/min; on device time it is 0.2 °C/min and nothing is raised.
        engine.Evaluate(M("batteryTempC", 20.0), T0, T0, measuredAt: T0.AddHours(-1)).Should().BeEmpty();
        engine.Evaluate(M("batteryTempC", 22.0), T0, T0.AddSeconds(61), measuredAt: T0.AddHours(-1).AddMinutes(10)).Should().BeEmpty();

        // Real heating: +3 °C in 2 device minutes (1.5 °C/min) delivered at once → raised.
        var raised = engine.Evaluate(M("batteryTempC", 25.0), T0, T0.AddSeconds(62), measuredAt: T0.AddHours(-1).AddMinutes(12));
        raised.Single().Alert.Value.Should().BeApproximately(1.5, 1e-9);

        // Re-evaluating without new data (same device time, wall clock moving on) computes no new rate.
        engine.Evaluate(M("batteryTempC", 25.0), T0, T0.AddMinutes(5), measuredAt: T0.AddHours(-1).AddMinutes(12)).Should().BeEmpty();
        engine.OpenAlerts.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_RateOfChangeAcrossLongGap_IsNoRateAndRestartsFromTheGap()
    {
        var rule = new AlertRule
        {
            Id = "battery-temp-rising", Kind = AlertRuleKind.RateOfChange, Metric = "batteryTempC", RaiseAt = 1.0, ClearAt = 0.2, RateWindowS = 60,
        };
        var engine = new AlertEngine("truck-7", [rule]);
        engine.Evaluate(M("batteryTempC", 20.0), T0, T0, measuredAt: T0);

        // 11 windows of silence, then +30 °C (charging in the sun, say): no rate over a gap longer than 10 windows.
        engine.Evaluate(M("batteryTempC", 50.0), T0, T0, measuredAt: T0.AddMinutes(11)).Should().BeEmpty();
        // From the new reference: +0.5 °C in a minute, below the limit.
        engine.Evaluate(M("batteryTempC", 50.5), T0, T0, measuredAt: T0.AddMinutes(12)).Should().BeEmpty();
    }
}
