using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tbm;

public sealed class TbmKpiState
{
    /// <summary>Last reported value of every field (partial lines merged).</summary>
    public TbmSample Latest { get; set; }

    public DateTimeOffset? LastSampleAt { get; set; }

    /// <summary>Whether the machine was boring as of the last sample (the state integrated over the next interval).</summary>
    public bool WasBoring { get; set; }

    public double? LastChainageM { get; set; }

    /// <summary>Furthest chainage reached (the face); advance counts only beyond it.</summary>
    public double? FurthestChainageM { get; set; }
    public double? RateAnchorChainageM { get; set; }
    public DateTimeOffset? RateAnchorAt { get; set; }
    public double? BoringAdvanceRateMPerH { get; set; }
    public DateTimeOffset? StandstillSince { get; set; }

    public PeriodTotals? Shift { get; set; }
    public PeriodTotals? PreviousShift { get; set; }
    public PeriodTotals? Day { get; set; }
    public PeriodTotals? PreviousDay { get; set; }

    public double TotalBoringS { get; set; }

    /// <summary>Cutterhead revolutions while boring, Σ rpm·Δt; drives the cutters' rolling distance.</summary>
    public double TotalRevolutions { get; set; }
}
