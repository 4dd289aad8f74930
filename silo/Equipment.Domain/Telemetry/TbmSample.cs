namespace Equipment.Domain.Telemetry;

/// <summary>
/// One <c>tbm</c> line. Every field is optional because a device may send only some fields per line;
/// consumers treat a null as "not reported in this line", never as zero.
/// </summary>
public readonly record struct TbmSample(
    DateTimeOffset Timestamp,
    double? ChainageM = null,
    long? Stroke = null,
    double? ThrustKn = null,
    double? TorqueKnm = null,
    double? Rpm = null,
    double? PenetrationMmRev = null,
    double? AdvanceMmMin = null,
    double? GripperPressureBar = null,
    double? MainBearingTempC = null,
    double? GearOilTempC = null,
    double? HydraulicOilTempC = null,
    double? PowerKw = null,
    bool? Boring = null)
{
    /// <summary>Overlays the fields this sample carries onto <paramref name="previous"/> (last-value-wins per field).</summary>
    public TbmSample MergeOnto(TbmSample previous) => new(
        Timestamp,
        ChainageM ?? previous.ChainageM,
        Stroke ?? previous.Stroke,
        ThrustKn ?? previous.ThrustKn,
        TorqueKnm ?? previous.TorqueKnm,
        Rpm ?? previous.Rpm,
        PenetrationMmRev ?? previous.PenetrationMmRev,
        AdvanceMmMin ?? previous.AdvanceMmMin,
        GripperPressureBar ?? previous.GripperPressureBar,
        MainBearingTempC ?? previous.MainBearingTempC,
        GearOilTempC ?? previous.GearOilTempC,
        HydraulicOilTempC ?? previous.HydraulicOilTempC,
        PowerKw ?? previous.PowerKw,
        Boring ?? previous.Boring);
}
