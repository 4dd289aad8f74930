namespace Equipment.Domain.Tbm;

/// <summary>Advance and boring time in one shift or production day.</summary>
public readonly record struct PeriodTotals(DateTimeOffset Start, DateTimeOffset End, double AdvanceM, double BoringS)
{
    /// <summary>Boring time ÷ elapsed time of the period up to <paramref name="now"/> (0–1); null before the period starts.</summary>
    public double? Utilisation(DateTimeOffset now)
    {
        var elapsed = ((now < End ? now : End) - Start).TotalSeconds;
        return elapsed > 0 ? BoringS / elapsed : null;
    }
}
