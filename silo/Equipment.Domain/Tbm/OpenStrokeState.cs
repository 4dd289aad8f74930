namespace Equipment.Domain.Tbm;

/// <summary>
/// Running aggregate of the stroke being bored. Means are exact (running sums); medians come from a
/// bounded, evenly decimated sample buffer (see <see cref="StrokeTracker"/>), so memory does not grow
/// with the sample rate.
/// </summary>
public sealed class OpenStrokeState
{
    public long Stroke { get; set; }

    /// <summary>Device time of the newest sample of this stroke; tells a late sample from a counter reset.</summary>
    public DateTimeOffset? LastSampleAt { get; set; }
    public double? ChainageStartM { get; set; }
    public double? ChainageEndM { get; set; }

    /// <summary>Valid (boring) samples aggregated so far.</summary>
    public int Samples { get; set; }

    public double SumPenetrationMmRev { get; set; }
    public double SumThrustKn { get; set; }
    public double SumTorqueKnm { get; set; }
    public double SumRpm { get; set; }

    /// <summary>Only every Stride-th valid sample enters the median buffers; doubles each time they fill.</summary>
    public int Stride { get; set; } = 1;

    /// <summary>Valid samples seen since the last one kept for the median buffers.</summary>
    public int SkippedSinceKept { get; set; }

    public List<double> PenetrationMmRev { get; set; } = [];
    public List<double> ThrustKn { get; set; } = [];
    public List<double> TorqueKnm { get; set; } = [];
    public List<double> Rpm { get; set; } = [];
}
