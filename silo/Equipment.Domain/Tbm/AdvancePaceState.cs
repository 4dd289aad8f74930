namespace Equipment.Domain.Tbm;

/// <summary>Hourly checkpoints of the furthest chainage over the trailing pace window, plus the drive's first chainage.</summary>
public sealed class AdvancePaceState
{
    /// <summary>First chainage the twin saw: where the recorded drive (and the excavated volume) starts.</summary>
    public double? FirstChainageM { get; set; }

    public List<ChainagePoint> Points { get; set; } = [];
}
