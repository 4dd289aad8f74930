namespace Equipment.Domain.Tbm;

/// <summary>Live KPIs of a TBM at <see cref="At"/>. Nulls mean "not derivable from the data seen".</summary>
public sealed record TbmKpis
{
    public DateTimeOffset At { get; init; }
    public DateTimeOffset? LastTelemetryAt { get; init; }
    public double? ChainageM { get; init; }
    public long? Stroke { get; init; }
    public bool Boring { get; init; }
    public DateTimeOffset? StandstillSince { get; init; }
    public double? StandstillS { get; init; }

    /// <summary>Chainage gain over ≥ 60 s of continuous boring, m/h; null at standstill.</summary>
    public double? BoringAdvanceRateMPerH { get; init; }

    public double? PenetrationMmRev { get; init; }
    public double? ThrustKn { get; init; }
    public double? ThrustPerCutterKn { get; init; }
    public double? TorqueKnm { get; init; }
    public double? Rpm { get; init; }
    public double? TorqueRatio { get; init; }
    public double? FieldPenetrationIndex { get; init; }
    public double? SpecificEnergyMjPerM3 { get; init; }
    public double? ShiftAdvanceM { get; init; }
    public double? ShiftUtilisation { get; init; }
    public PeriodTotals? Shift { get; init; }
    public PeriodTotals? PreviousShift { get; init; }
    public double? DayAdvanceM { get; init; }
    public double DayTargetM { get; init; }
    public double? DayUtilisation { get; init; }
    public PeriodTotals? Day { get; init; }
    public PeriodTotals? PreviousDay { get; init; }
    public int ConsecutiveExceptionalStrokes { get; init; }
    public double? MaxCutterWearMm { get; init; }
}
