using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;

namespace Equipment.Domain.Alerts;

/// <summary>Default rules per kind, derived from the machine parameters. Metric names are those the twins report.</summary>
public static class BuiltInAlertRules
{
    public const double DefaultOfflineAfterS = 120.0;

    /// <summary>Telemetry must flow again this long before "offline" clears (no flapping on one line from a dead zone).</summary>
    public const double DefaultMinOnlineS = 300.0;

    /// <summary>Metric a truck twin reports (1) while parked: silence is then expected, not "offline".</summary>
    public const string ParkedMetric = TruckMetrics.Parked;

    /// <summary>
    /// Metric a twin reports (1) from the moment its edge device declared the connection lost (a Sparkplug B DDEATH or
    /// NDEATH, stored as <c>online=false</c>) until newer telemetry arrives: a stale rule then holds at once instead of
    /// after its silence limit.
    /// </summary>
    public const string ConnectionLostMetric = "connection_lost";

    /// <summary>advance-rate-low clears only at 125 % of the target, so a rate hovering at the target does not flap.</summary>
    public const double AdvanceRateClearFactor = 1.25;

    public static IReadOnlyList<AlertRule> ForTbm(TbmParameters p) =>
    [
        new()
        {
            Id = "thrust-per-cutter-high", Metric = TbmMetrics.ThrustPerCutterKn, RaiseAt = p.RatedThrustPerCutterKn,
            ClearAt = 0.95 * p.RatedThrustPerCutterKn, Severity = AlertSeverity.Major, Description = "Thrust per cutter over rating",
        },
        new()
        {
            Id = "torque-near-rated", Metric = TbmMetrics.TorqueKnm, RaiseAt = 0.90 * p.RatedTorqueKnm,
            ClearAt = 0.85 * p.RatedTorqueKnm, Severity = AlertSeverity.Major, Description = "Cutterhead torque near rated",
        },
        new()
        {
            Id = "exceptional-strokes", Metric = TbmMetrics.ConsecutiveExceptionalStrokes, RaiseAt = 3, ClearAt = 0,
            Severity = AlertSeverity.Minor, Description = "Consecutive exceptional strokes",
        },
        new()
        {
            Id = "advance-rate-low", Metric = TbmMetrics.BoringAdvanceRateMPerH, Direction = ThresholdDirection.Below,
            RaiseAt = p.BoringAdvanceRateTargetMPerH, ClearAt = AdvanceRateClearFactor * p.BoringAdvanceRateTargetMPerH, MinDurationS = 1800,
            Severity = AlertSeverity.Warning, Description = "Advance rate below target while boring",
        },
        new()
        {
            Id = "cutter-wear-warning", Metric = TbmMetrics.MaxCutterWearPctOfLimit, RaiseAt = 80, ClearAt = 75,
            Severity = AlertSeverity.Minor, Description = "Cutter wear near its class's limit (plan the change)",
        },
        new()
        {
            Id = "cutter-wear-limit", Metric = TbmMetrics.MaxCutterWearPctOfLimit, RaiseAt = 100, ClearAt = 95,
            Severity = AlertSeverity.Major, Description = "Cutter wear at its class's limit",
        },
        new()
        {
            Id = "gear-oil-temp-high", Metric = TbmMetrics.GearOilTempC, RaiseAt = 80, ClearAt = 75,
            Severity = AlertSeverity.Major, Description = "Gear oil temperature high",
        },
        new()
        {
            Id = "hydraulic-oil-temp-high", Metric = TbmMetrics.HydraulicOilTempC, RaiseAt = 70, ClearAt = 65,
            Severity = AlertSeverity.Major, Description = "Hydraulic oil temperature high",
        },
        new()
        {
            Id = "main-bearing-temp-high", Metric = TbmMetrics.MainBearingTempC, RaiseAt = 75, ClearAt = 70,
            Severity = AlertSeverity.Critical, Description = "Main bearing temperature high",
        },
        Offline(),
    ];

    public static IReadOnlyList<AlertRule> ForTruck(TruckParameters p) =>
    [
        new()
        {
            Id = "battery-temp-high", Metric = TruckMetrics.BatteryTempC, RaiseAt = p.BatteryTempMaxC, ClearAt = p.BatteryTempMaxC - 5,
            Severity = AlertSeverity.Critical, Description = "Battery temperature high",
        },
        new()
        {
            Id = "battery-temp-low", Metric = TruckMetrics.BatteryTempC, Direction = ThresholdDirection.Below,
            RaiseAt = p.BatteryTempMinC, ClearAt = p.BatteryTempMinC + 5, Severity = AlertSeverity.Major, Description = "Battery temperature low",
        },
        new()
        {
            Id = "battery-temp-rising", Kind = AlertRuleKind.RateOfChange, Metric = TruckMetrics.BatteryTempC,
            RaiseAt = 1.0, ClearAt = 0.2, RateWindowS = 60, Severity = AlertSeverity.Minor, Description = "Battery temperature rising fast",
        },
        new()
        {
            Id = "motor-temp-high", Metric = TruckMetrics.MotorTempC, RaiseAt = p.RatedMotorTempC, ClearAt = p.RatedMotorTempC - 5,
            Severity = AlertSeverity.Major, Description = "Motor temperature over rating",
        },
        new()
        {
            Id = "inverter-temp-high", Metric = TruckMetrics.InverterTempC, RaiseAt = p.RatedInverterTempC, ClearAt = p.RatedInverterTempC - 5,
            Severity = AlertSeverity.Major, Description = "Inverter temperature over rating",
        },
        new()
        {
            Id = "soc-below-route-need", Metric = TruckMetrics.SocMarginPct, Direction = ThresholdDirection.Below, RaiseAt = 0, ClearAt = 2,
            Severity = AlertSeverity.Major, Description = "Charge below what the route to the next charging point needs plus reserve",
        },
        new()
        {
            Id = "soc-low", Metric = TruckMetrics.SocPct, Direction = ThresholdDirection.Below, RaiseAt = 10, ClearAt = 12,
            Severity = AlertSeverity.Critical, Description = "State of charge low",
        },
        new()
        {
            Id = "device-alarm", Kind = AlertRuleKind.DeviceAlarm, Metric = TruckMetrics.AlarmLevel, FlagsMetric = TruckMetrics.AlarmFlags,
            RaiseAt = 1, ClearAt = 0, Severity = AlertSeverity.Minor, Description = "T-Box alarm",
        },
        new()
        {
            Id = "brake-pad-low", Metric = TruckMetrics.BrakePadMm, Direction = ThresholdDirection.Below,
            RaiseAt = p.BrakePadMinMm, ClearAt = p.BrakePadMinMm + 1, Severity = AlertSeverity.Minor, Description = "Brake pads worn",
        },
        // Battery health (domain README, "Battery health"): engineering defaults set below the BMS's own level-1
        // alarms, so the trend warns before the T-Box raises its GB/T 32960 flag; overridable per kind or machine.
        new()
        {
            Id = "cell-spread-high", Metric = TruckMetrics.CellSpreadMv, RaiseAt = CellSpreadRaiseMv, ClearAt = CellSpreadClearMv, MinDurationS = 300,
            Severity = AlertSeverity.Minor, Description = "Cell-voltage spread high (cells drifting apart)",
        },
        new()
        {
            Id = "probe-temp-difference-high", Metric = TruckMetrics.ProbeSpreadC, RaiseAt = ProbeSpreadRaiseC, ClearAt = ProbeSpreadClearC, MinDurationS = 120,
            Severity = AlertSeverity.Minor, Description = "Battery temperature difference high",
        },
        new()
        {
            Id = "insulation-low", Metric = TruckMetrics.InsulationOhmPerV, Direction = ThresholdDirection.Below,
            RaiseAt = InsulationWarnOhmPerV, ClearAt = InsulationWarnOhmPerV * 1.2, MinDurationS = 30,
            Severity = AlertSeverity.Major, Description = "Insulation resistance below 500 Ω/V",
        },
        new()
        {
            Id = "insulation-critical", Metric = TruckMetrics.InsulationOhmPerV, Direction = ThresholdDirection.Below,
            RaiseAt = InsulationLimitOhmPerV, ClearAt = InsulationLimitOhmPerV * 1.2,
            Severity = AlertSeverity.Critical, Description = "Insulation resistance below 100 Ω/V (GB 18384 DC minimum)",
        },
        Offline() with { SuppressedBy = ParkedMetric, Description = "No telemetry (and not parked)" },
    ];

    public const double CellSpreadRaiseMv = 150;
    public const double CellSpreadClearMv = 120;
    public const double ProbeSpreadRaiseC = 6;
    public const double ProbeSpreadClearC = 5;

    /// <summary>GB 18384-2020 §5.1.4.1: ≥ 500 Ω/V where AC circuits are conductively connected (a motor inverter's are).</summary>
    public const double InsulationWarnOhmPerV = 500;

    /// <summary>GB 18384-2020 §5.1.4.1: ≥ 100 Ω/V for DC circuits alone.</summary>
    public const double InsulationLimitOhmPerV = 100;

    private static AlertRule Offline() => new()
    {
        Id = "offline", Kind = AlertRuleKind.Stale, StaleAfterS = DefaultOfflineAfterS, MinOnlineS = DefaultMinOnlineS,
        Severity = AlertSeverity.Major, Description = "No telemetry",
    };
}
