namespace Equipment.Simulator.Tbm;

/// <summary>
/// Machine data. The first five are the published parameters of the shared TBMs (registry contract);
/// the ratings are this simulator's assumptions for 19" disc cutters and a hard-rock main drive.
/// Everything the platform needs to know about a machine (cutter wear limits and classes, site time zone) is
/// registered from here (<see cref="Registry.RegistryBodies.Tbm"/>), so simulator and platform use one value.
/// </summary>
public sealed record TbmParameters(
    string Template,
    int CutterCount,
    double CutterRadiusMm,
    double CutterheadDiameterM,
    double IdleTorqueKnm,
    double TorqueRatioLow,
    double TorqueRatioHigh,
    double NominalRpm,
    double RatedCutterLoadKn,
    double RatedTorqueKnm,
    double RatedPowerKw)
{
    public static TbmParameters A { get; } = new("A", 50, 241.3, 7, 180, 0.35, 0.57, 6, 315, 4500, 2500);
    public static TbmParameters B { get; } = new("B", 70, 241.3, 10, 400, 0.45, 0.57, 5, 315, 9000, 4200);
    public static TbmParameters C { get; } = new("C", 60, 241.3, 9, 220, 0.53, 0.63, 5, 315, 7500, 3500);

    /// <summary>
    /// A Ø 5 m gripper TBM driving a decline in a Laizhou (Shandong) gold mine: 31 × 17" cutters, 8–12 rpm, granite of
    /// 100–260 MPa (FPI ≈ 35–95 kN/cutter/(mm/rev)), rail haulage and rock support between strokes, so it bores
    /// 30–50 % of the day and makes 15–30 m/day. Site time China Standard Time (UTC+8, no daylight saving).
    /// </summary>
    public static TbmParameters Laizhou { get; } = new("Laizhou", 31, 215.9, 5.0, 120, 0.35, 0.57, 10, 250, 1800, 1200)
    {
        PenetrationCoefficient = 2.8,
        RpmSpread = 0.15,
        SiteTimeZone = "Asia/Shanghai",
        WearLimitsMm = new CutterWearLimitsMm(Centre: 18, Face: 20, Gauge: 12),
        CentreCutters = 4,
        GaugeCutters = 6,
        AdvanceTargetMPerDay = 22,
        BoringAdvanceRateTargetMPerH = 1.2,
        TargetChainageM = 4_000,
        Delays = new TbmDelays(HaulageMinS: 1500, HaulageMaxS: 2700, SupportChance: 0.4, SupportMinS: 600, SupportMaxS: 1800,
            CutterChangePerCutterS: 2400),
        WearSensorIntervalS = 900,
        NextMaintenanceStopAheadM = 40,
    };

    public double RatedThrustKn => RatedCutterLoadKn * CutterCount;

    /// <summary>mm/rev per (kN per cutter / MPa); FPI = UCS / coefficient.</summary>
    public double PenetrationCoefficient { get; init; } = CuttingModel.PenetrationCoefficient;

    /// <summary>Operators choose the rpm per stroke within nominal × (1 ± spread).</summary>
    public double RpmSpread { get; init; }

    /// <summary>IANA id of the site's time zone (shift plan and registration); null = UTC, not registered.</summary>
    public string? SiteTimeZone { get; init; }

    /// <summary>Wear at which a cutter is changed, per position class; registered as the platform's limits.</summary>
    public CutterWearLimitsMm WearLimitsMm { get; init; } = new(15, 15, 15);

    /// <summary>Positions 1…CentreCutters are centre cutters, the last GaugeCutters gauge cutters, the rest face cutters.</summary>
    public int CentreCutters { get; init; } = 4;

    public int GaugeCutters { get; init; } = 8;

    public TbmDelays Delays { get; init; } = TbmDelays.None;

    /// <summary>
    /// Interval of the online disc-wear sensor readings while boring, s (0 = no sensors: wear is known only from the
    /// inspections at stops). Each reading is a <c>tbm_cutter</c> point per position, like an inspection.
    /// </summary>
    public double WearSensorIntervalS { get; init; }

    /// <summary>Next planned maintenance stop this far ahead of the start chainage, m, registered as <c>nextMaintenanceStop</c>; null = none.</summary>
    public double? NextMaintenanceStopAheadM { get; init; }

    /// <summary>Planned advance per day and lowest expected rate while boring, registered when set (else the platform's defaults).</summary>
    public double? AdvanceTargetMPerDay { get; init; }

    public double? BoringAdvanceRateTargetMPerH { get; init; }

    /// <summary>Chainage the drive is to reach (the platform's completion forecast), registered when set.</summary>
    public double? TargetChainageM { get; init; }

    public TimeZoneInfo TimeZone => SiteTimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;

    public double WearLimitMmAt(int position) =>
        position <= CentreCutters ? WearLimitsMm.Centre
        : position > CutterCount - GaugeCutters ? WearLimitsMm.Gauge
        : WearLimitsMm.Face;
}
