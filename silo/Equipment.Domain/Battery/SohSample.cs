namespace Equipment.Domain.Battery;

/// <summary>What the SOH estimate keeps of a qualifying session: its end, the charge taken in and the SOC it moved.</summary>
public readonly record struct SohSample(DateTimeOffset End, double ChargeAh, double DeltaSocPct);
