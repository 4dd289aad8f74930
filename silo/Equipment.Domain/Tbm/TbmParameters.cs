using System.Text.Json.Serialization;

namespace Equipment.Domain.Tbm;

/// <summary>
/// Machine parameters of a TBM. Defaults are TBM A of the shared stroke data set
/// (50 × 19" cutters, 7 m cutterhead, M0 = 180 kNm, band 0.35–0.57); ratings, wear limit,
/// shifts and targets are typical values for such a machine and should be set per site.
/// Mutable properties so the REST layer and grain storage can bind/persist it as JSON.
/// </summary>
public sealed class TbmParameters
{
    public int CutterCount { get; set; } = 50;

    /// <summary>Disc cutter radius R, mm (19" disc = 241.3 mm).</summary>
    public double CutterRadiusMm { get; set; } = 241.3;

    public double CutterheadDiameterM { get; set; } = 7.0;

    /// <summary>Torque M0 needed to turn the cutterhead without cutting, kNm.</summary>
    public double IdleTorqueKnm { get; set; } = 180.0;

    /// <summary>[low, high]: a stroke is regular when low &lt; T/T_theo &lt; high (both exclusive).</summary>
    public double[] TorqueRatioBand { get; set; } = [0.35, 0.57];

    /// <summary>Rated load of one cutter, kN (a 19" disc is commonly rated 315 kN).</summary>
    public double RatedThrustPerCutterKn { get; set; } = 315.0;

    /// <summary>Rated (nominal) cutterhead torque, kNm.</summary>
    public double RatedTorqueKnm { get; set; } = 3500.0;

    /// <summary>Radial wear at which a disc cutter must be changed, per class (centre, face, gauge), mm.</summary>
    public CutterWearLimits CutterWearLimitMm { get; set; } = new();

    /// <summary>Which positions are centre and gauge cutters (the rest are face cutters).</summary>
    public CutterClassLayout CutterClasses { get; set; } = new();

    /// <summary>
    /// IANA time zone of the site (e.g. <c>Asia/Shanghai</c>) for shift and day boundaries, daylight saving included.
    /// When null, <see cref="SiteUtcOffsetHours"/> applies.
    /// </summary>
    public string? SiteTimeZone { get; set; }

    /// <summary>Wear limit of the cutter at <paramref name="position"/>, mm.</summary>
    public double WearLimitMmAt(int position) => CutterWearLimitMm.For(CutterClasses.ClassOf(position, CutterCount));

    public double ShiftLengthHours { get; set; } = 8.0;

    /// <summary>Local hour (0–23) when the first shift of a production day starts; the production day starts then too.</summary>
    public double FirstShiftStartHour { get; set; } = 6.0;

    /// <summary>Site time zone offset from UTC, hours, used for shift and day boundaries.</summary>
    public double SiteUtcOffsetHours { get; set; }

    /// <summary>Planned advance per production day, m.</summary>
    public double AdvanceTargetMPerDay { get; set; } = 20.0;

    /// <summary>Chainage the drive is to reach, m (the completion forecast's target); null when none is registered.</summary>
    public double? TargetChainageM { get; set; }

    /// <summary>
    /// A standstill between two strokes no longer than this, with no other reason reported, is a regrip, s
    /// (gripper reset and thrust-cylinder retraction take a few minutes on a gripper TBM).
    /// </summary>
    public double RegripMaxSeconds { get; set; } = 600;

    /// <summary>Minimum expected advance rate while boring, m/h (the "advance below target" alert compares to this).</summary>
    public double BoringAdvanceRateTargetMPerH { get; set; } = 2.0;

    /// <summary>
    /// Chainage must pass the furthest point reached by more than this before advance is counted, m. Larger than the
    /// chainage sensor's noise (1–2 mm), smaller than a minute of boring; the advance of a period is short by at most this.
    /// </summary>
    public double AdvanceDeadBandM { get; set; } = 0.01;

    /// <summary>
    /// Penetration below which FPI, specific energy and the torque ratio are not shown live, mm/rev: they divide by the
    /// penetration and mean nothing while the head only turns (1,300 MJ/m³ at p → 0).
    /// </summary>
    public double MinPenetrationForKpisMmRev { get; set; } = 1.0;

    /// <summary>Next planned maintenance stop (chainage and/or date) the cutter plan lists due positions for; null = none planned.</summary>
    public MaintenanceStop? NextMaintenanceStop { get; set; }

    [JsonIgnore]
    public double BandLow => TorqueRatioBand is { Length: 2 } ? TorqueRatioBand[0] : double.NaN;

    [JsonIgnore]
    public double BandHigh => TorqueRatioBand is { Length: 2 } ? TorqueRatioBand[1] : double.NaN;

    /// <summary>Cutterhead face area A = π·D²/4, m².</summary>
    [JsonIgnore]
    public double CutterheadAreaM2 => Math.PI * CutterheadDiameterM * CutterheadDiameterM / 4.0;

    /// <summary>Returns every problem found; empty when the parameters are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CutterCount <= 0) errors.Add($"cutterCount must be > 0 (was {CutterCount}).");
        if (!(CutterRadiusMm > 0)) errors.Add($"cutterRadiusMm must be > 0 (was {CutterRadiusMm}).");
        if (!(CutterheadDiameterM > 0)) errors.Add($"cutterheadDiameterM must be > 0 (was {CutterheadDiameterM}).");
        if (!(IdleTorqueKnm >= 0)) errors.Add($"idleTorqueKnm must be >= 0 (was {IdleTorqueKnm}).");
        if (TorqueRatioBand is not { Length: 2 })
            errors.Add("torqueRatioBand must have exactly two values [low, high].");
        else if (!(TorqueRatioBand[0] >= 0 && TorqueRatioBand[0] < TorqueRatioBand[1]))
            errors.Add($"torqueRatioBand must satisfy 0 <= low < high (was [{TorqueRatioBand[0]}, {TorqueRatioBand[1]}]).");
        if (!(RatedThrustPerCutterKn > 0)) errors.Add($"ratedThrustPerCutterKn must be > 0 (was {RatedThrustPerCutterKn}).");
        if (!(RatedTorqueKnm > 0)) errors.Add($"ratedTorqueKnm must be > 0 (was {RatedTorqueKnm}).");
        if (CutterWearLimitMm is not { } limits)
            errors.Add("cutterWearLimitMm must be given as {centre, face, gauge}.");
        else if (!(limits.Centre > 0 && limits.Face > 0 && limits.Gauge > 0))
            errors.Add($"cutterWearLimitMm must be > 0 for centre, face and gauge (was {limits.Centre}, {limits.Face}, {limits.Gauge}).");
        if (CutterClasses is not { } layout)
            errors.Add("cutterClasses must be given as {centreCount, gaugeCount}.");
        else if (!(layout.CentreCount >= 0 && layout.GaugeCount >= 0 && layout.CentreCount + layout.GaugeCount <= CutterCount))
            errors.Add($"cutterClasses: centreCount ({layout.CentreCount}) and gaugeCount ({layout.GaugeCount}) must be >= 0 and together at most cutterCount ({CutterCount}).");
        if (SiteTimeZone is { } zone && !SiteTimeZones.TryFind(zone, out _))
            errors.Add($"siteTimeZone '{zone}' is not a known IANA time zone id (e.g. Asia/Shanghai).");
        if (!(ShiftLengthHours > 0 && ShiftLengthHours <= 24)) errors.Add($"shiftLengthHours must be in (0, 24] (was {ShiftLengthHours}).");
        if (!(FirstShiftStartHour >= 0 && FirstShiftStartHour < 24)) errors.Add($"firstShiftStartHour must be in [0, 24) (was {FirstShiftStartHour}).");
        if (!(SiteUtcOffsetHours >= -14 && SiteUtcOffsetHours <= 14)) errors.Add($"siteUtcOffsetHours must be in [-14, 14] (was {SiteUtcOffsetHours}).");
        if (!(AdvanceDeadBandM >= 0 && AdvanceDeadBandM <= 1)) errors.Add($"advanceDeadBandM must be in [0, 1] m (was {AdvanceDeadBandM}).");
        if (!(MinPenetrationForKpisMmRev >= 0)) errors.Add($"minPenetrationForKpisMmRev must be >= 0 (was {MinPenetrationForKpisMmRev}).");
        if (!(AdvanceTargetMPerDay >= 0)) errors.Add($"advanceTargetMPerDay must be >= 0 (was {AdvanceTargetMPerDay}).");
        if (TargetChainageM is { } target && !double.IsFinite(target)) errors.Add("targetChainageM must be a finite number of metres.");
        if (!(RegripMaxSeconds > 0 && RegripMaxSeconds <= 3600)) errors.Add($"regripMaxSeconds must be in (0, 3600] (was {RegripMaxSeconds}).");
        if (!(BoringAdvanceRateTargetMPerH > 0)) errors.Add($"boringAdvanceRateTargetMPerH must be > 0 (was {BoringAdvanceRateTargetMPerH}).");
        if (NextMaintenanceStop is { } stop) errors.AddRange(stop.Validate());
        return errors;
    }
}
