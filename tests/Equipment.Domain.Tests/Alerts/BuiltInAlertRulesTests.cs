using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Alerts;

public class BuiltInAlertRulesTests
{
    [Fact]
    public void ForTbm_Defaults_HaveDocumentedThresholds()
    {
        var rules = BuiltInAlertRules.ForTbm(new TbmParameters()).ToDictionary(r => r.Id);

        rules.Keys.Should().BeEquivalentTo(
            "thrust-per-cutter-high", "torque-near-rated", "exceptional-strokes", "advance-rate-low", "cutter-wear-warning", "cutter-wear-limit",
            "gear-oil-temp-high", "hydraulic-oil-temp-high", "main-bearing-temp-high", "offline");
        rules["thrust-per-cutter-high"].RaiseAt.Should().Be(315);
        rules["torque-near-rated"].RaiseAt.Should().BeApproximately(3150, 1e-9, "90 % of 3500 kNm");
        rules["torque-near-rated"].ClearAt.Should().BeApproximately(2975, 1e-9, "85 % of 3500 kNm");
        rules["exceptional-strokes"].RaiseAt.Should().Be(3);
        rules["advance-rate-low"].MinDurationS.Should().Be(1800);
        rules["advance-rate-low"].Direction.Should().Be(ThresholdDirection.Below);
        (rules["advance-rate-low"].RaiseAt, rules["advance-rate-low"].ClearAt).Should().Be((2.0, 2.5), "clears at 125 % of the target");
        (rules["cutter-wear-warning"].RaiseAt, rules["cutter-wear-warning"].ClearAt, rules["cutter-wear-warning"].Severity)
            .Should().Be((80.0, 75.0, AlertSeverity.Minor), "% of the position class's limit");
        (rules["cutter-wear-limit"].RaiseAt, rules["cutter-wear-limit"].ClearAt, rules["cutter-wear-limit"].Severity)
            .Should().Be((100.0, 95.0, AlertSeverity.Major));
        (rules["gear-oil-temp-high"].RaiseAt, rules["gear-oil-temp-high"].ClearAt).Should().Be((80.0, 75.0));
        (rules["hydraulic-oil-temp-high"].RaiseAt, rules["hydraulic-oil-temp-high"].ClearAt).Should().Be((70.0, 65.0));
        (rules["main-bearing-temp-high"].RaiseAt, rules["main-bearing-temp-high"].ClearAt).Should().Be((75.0, 70.0));
        rules["offline"].StaleAfterS.Should().Be(120);
        rules.Values.SelectMany(r => r.Validate()).Should().BeEmpty();
    }

    [Fact]
    public void ForTruck_Defaults_HaveDocumentedThresholds()
    {
        var rules = BuiltInAlertRules.ForTruck(new TruckParameters()).ToDictionary(r => r.Id);

        (rules["battery-temp-high"].RaiseAt, rules["battery-temp-high"].ClearAt).Should().Be((55.0, 50.0));
        (rules["battery-temp-low"].RaiseAt, rules["battery-temp-low"].ClearAt).Should().Be((-20.0, -15.0));
        rules["motor-temp-high"].RaiseAt.Should().Be(120);
        rules["inverter-temp-high"].RaiseAt.Should().Be(85);
        (rules["soc-low"].RaiseAt, rules["soc-low"].Direction).Should().Be((10.0, ThresholdDirection.Below));
        rules["soc-below-route-need"].Metric.Should().Be(TruckMetrics.SocMarginPct);
        rules["battery-temp-rising"].Kind.Should().Be(AlertRuleKind.RateOfChange);
        rules["brake-pad-low"].RaiseAt.Should().Be(3);
        rules["offline"].Kind.Should().Be(AlertRuleKind.Stale);
        rules.Values.SelectMany(r => r.Validate()).Should().BeEmpty();
    }

    [Fact]
    public void BuiltInRules_EveryThresholdRule_HasAStrictHysteresisGap()
    {
        var rules = BuiltInAlertRules.ForTbm(new TbmParameters()).Concat(BuiltInAlertRules.ForTruck(new TruckParameters()));

        foreach (var rule in rules.Where(r => r.Kind != AlertRuleKind.Stale))
        {
            var gap = rule.Direction == ThresholdDirection.Above ? rule.RaiseAt - rule.ClearAt : rule.ClearAt - rule.RaiseAt;
            gap.Should().BePositive($"rule {rule.Id} must clear on the other side of a gap from where it raises");
        }
    }

    [Fact]
    public void Validate_RaiseEqualsClear_IsRefusedAsNoHysteresis()
    {
        var flat = new AlertRule
        {
            Id = "advance-rate-low", Metric = TbmMetrics.BoringAdvanceRateMPerH, Direction = ThresholdDirection.Below, RaiseAt = 2, ClearAt = 2,
        };

        flat.Validate().Should().ContainSingle().Which.Should().Contain("clearAt (2) must be > raiseAt (2) (hysteresis)");
    }
}
