using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tbm;

/// <summary>
/// Integrates TBM samples into advance, boring time and revolutions, all on device time. Intervals longer than
/// <see cref="MaxGapS"/> are data gaps and are not integrated (we do not know what happened). Samples older than the
/// last one (late or out of order) are ignored here by design: the periods are running sums and the late sample's
/// interval was already integrated from its neighbours (they still reach InfluxDB). The machine is boring when <c>boring</c> is true (or, if the
/// device never reports it, rpm &gt; 0.1) and rpm is not ≈ 0.
/// </summary>
public sealed class TbmKpiTracker(TbmParameters parameters, TbmKpiState? state = null)
{
    public const double MaxGapS = 60.0;

    /// <summary>Shortest span an advance rate is computed over, so chainage resolution does not dominate it.</summary>
    public const double RateWindowS = 60.0;

    private readonly ShiftCalendar calendar = new(parameters);

    public TbmKpiState State { get; } = state ?? new TbmKpiState();
    public TbmParameters Parameters { get; } = parameters;

    public bool Apply(TbmSample sample)
    {
        var s = State;
        var t = sample.Timestamp;
        if (s.LastSampleAt is { } last && t < last) return false;

        var previousRpm = s.Latest.Rpm;
        s.Latest = sample.MergeOnto(s.Latest);
        var boring = IsBoring(s.Latest);
        RollPeriods(t);

        var dt = s.LastSampleAt is { } prev ? (t - prev).TotalSeconds : 0;
        if (dt > MaxGapS) dt = 0;
        if (s.WasBoring && dt > 0)
        {
            s.Shift = s.Shift!.Value with { BoringS = s.Shift.Value.BoringS + dt };
            s.Day = s.Day!.Value with { BoringS = s.Day.Value.BoringS + dt };
            s.TotalBoringS += dt;
            s.TotalRevolutions += (previousRpm ?? 0) * dt / 60.0;
        }

        if (sample.ChainageM is { } chainage)
        {
            // Only new ground counts: chainage beyond the furthest reached by more than the dead band. Sensor noise on a
            // standing machine never gets past it, and a cutterhead pulled back and re-bored adds nothing until it is
            // past the old face again. The gains telescope, so the error is bounded by the dead band plus the noise of
            // the first and the last counted sample, whatever the period's length.
            if (s.FurthestChainageM is not { } furthest)
            {
                s.FurthestChainageM = chainage;
            }
            else if (chainage > furthest + Parameters.AdvanceDeadBandM)
            {
                var gain = chainage - furthest;
                s.FurthestChainageM = chainage;
                s.Shift = s.Shift!.Value with { AdvanceM = s.Shift.Value.AdvanceM + gain };
                s.Day = s.Day!.Value with { AdvanceM = s.Day.Value.AdvanceM + gain };
            }

            s.LastChainageM = chainage;
            if (boring)
            {
                if (s.RateAnchorAt is not { } anchorAt || s.RateAnchorChainageM is not { } anchorChainage)
                {
                    s.RateAnchorAt = t;
                    s.RateAnchorChainageM = chainage;
                }
                else if ((t - anchorAt).TotalSeconds >= RateWindowS)
                {
                    s.BoringAdvanceRateMPerH = TbmFormulas.AdvanceRateMPerH(chainage - anchorChainage, t - anchorAt);
                    s.RateAnchorAt = t;
                    s.RateAnchorChainageM = chainage;
                }
            }
        }

        if (boring)
        {
            s.StandstillSince = null;
        }
        else
        {
            s.StandstillSince ??= t;
            s.RateAnchorAt = null;
            s.RateAnchorChainageM = null;
            s.BoringAdvanceRateMPerH = null;
        }

        s.WasBoring = boring;
        s.LastSampleAt = t;
        return true;
    }

    public static bool IsBoring(TbmSample latest) => latest.Boring switch
    {
        true => latest.Rpm is not { } rpm || rpm > StrokeTracker.MinRpm,
        false => false,
        null => latest.Rpm > StrokeTracker.MinRpm,
    };

    /// <summary>Current shift and day as of <paramref name="now"/>; empty when no sample arrived in them yet.</summary>
    public (PeriodTotals Shift, PeriodTotals? PreviousShift, PeriodTotals Day, PeriodTotals? PreviousDay) PeriodsAt(DateTimeOffset now)
    {
        var shiftStart = calendar.ShiftStart(now);
        var dayStart = calendar.ProductionDayStart(now);
        var s = State;
        var shift = s.Shift is { } cs && cs.Start == shiftStart ? cs : new PeriodTotals(shiftStart, calendar.ShiftEnd(now), 0, 0);
        var previousShift = s.Shift is { } cs2 && cs2.Start != shiftStart ? cs2 : s.PreviousShift;
        var day = s.Day is { } cd && cd.Start == dayStart ? cd : new PeriodTotals(dayStart, calendar.NextDayStart(dayStart), 0, 0);
        var previousDay = s.Day is { } cd2 && cd2.Start != dayStart ? cd2 : s.PreviousDay;
        return (shift, previousShift, day, previousDay);
    }

    private void RollPeriods(DateTimeOffset t)
    {
        var s = State;
        var shiftStart = calendar.ShiftStart(t);
        if (s.Shift?.Start != shiftStart)
        {
            if (s.Shift is not null) s.PreviousShift = s.Shift;
            s.Shift = new PeriodTotals(shiftStart, calendar.ShiftEnd(t), 0, 0);
        }

        var dayStart = calendar.ProductionDayStart(t);
        if (s.Day?.Start != dayStart)
        {
            if (s.Day is not null) s.PreviousDay = s.Day;
            s.Day = new PeriodTotals(dayStart, calendar.NextDayStart(dayStart), 0, 0);
        }
    }
}
