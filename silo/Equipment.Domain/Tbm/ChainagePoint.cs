namespace Equipment.Domain.Tbm;

/// <summary>The furthest chainage reached (m) as of a device time.</summary>
public readonly record struct ChainagePoint(DateTimeOffset At, double ChainageM);
