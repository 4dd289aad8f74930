namespace Equipment.Domain.Tbm;

/// <summary>The furthest chainage reached (m) as of a device time.</summary>
public sealed record ChainagePoint(DateTimeOffset At, double ChainageM);
