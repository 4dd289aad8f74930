using Equipment.Domain.Alerts;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Alerts;

public class DeviceAlarmRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly AlertRule Rule = BuiltInAlertRules.ForTruck(new TruckParameters()).Single(r => r.Id == "device-alarm");

    private static Dictionary<string, double> Alarm(double level, uint flags) => new()
    {
        [TruckMetrics.AlarmLevel] = level,
        [TruckMetrics.AlarmFlags] = flags,
    };

    [Fact]
    public void Evaluate_Level3WithFlags_RaisesCriticalNamingTheFlagsAndLevel0Clears()
    {
        var engine = new AlertEngine("truck-1", [Rule]);

        engine.Evaluate(Alarm(0, 0), T0, T0).Should().BeEmpty();
        var raised = engine.Evaluate(Alarm(3, (1u << 1) | (1u << 11)), T0, T0.AddSeconds(1));
        engine.Evaluate(Alarm(3, (1u << 1) | (1u << 11)), T0, T0.AddSeconds(2)).Should().BeEmpty("the same level keeps the alert open");
        engine.Evaluate(new Dictionary<string, double>(), T0, T0.AddSeconds(3)).Should().BeEmpty("an abnormal level (absent) is no data: the alert stays open");
        var cleared = engine.Evaluate(Alarm(0, 0), T0, T0.AddSeconds(4));

        var alert = raised.Should().ContainSingle().Subject.Alert;
        alert.Severity.Should().Be(AlertSeverity.Critical);
        alert.Message.Should().Be("T-Box alarm: level 3: battery high temperature, insulation failure");
        cleared.Should().ContainSingle().Which.Transition.Should().Be(AlertTransition.Cleared);
    }

    [Theory]
    [InlineData(1, AlertSeverity.Minor)]
    [InlineData(2, AlertSeverity.Major)]
    [InlineData(3, AlertSeverity.Critical)]
    [InlineData(4, AlertSeverity.Critical)]
    public void Evaluate_Level_MapsToSeverity(int level, AlertSeverity severity)
    {
        var engine = new AlertEngine("truck-1", [Rule]);

        engine.Evaluate(Alarm(level, 1u << 23), T0, T0).Single().Alert.Severity.Should().Be(severity);
    }

    [Fact]
    public void Evaluate_LevelRisingFrom1To3_ReplacesTheMinorAlertWithACriticalOne()
    {
        var engine = new AlertEngine("truck-1", [Rule]);
        engine.Evaluate(Alarm(1, 1u << 4), T0, T0);

        var events = engine.Evaluate(Alarm(3, 1u << 23), T0, T0.AddSeconds(1));

        events.Select(e => e.Transition).Should().Equal(AlertTransition.Cleared, AlertTransition.Raised);
        events[1].Alert.Severity.Should().Be(AlertSeverity.Critical);
        events[1].Alert.Message.Should().Be("T-Box alarm: level 3: battery thermal event");
        engine.OpenAlerts.Should().ContainSingle().Which.Id.Should().Be("truck-1:device-alarm:2");
    }
}
