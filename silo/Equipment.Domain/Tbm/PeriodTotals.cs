namespace Equipment.Domain.Tbm;

/// <summary>Advance and boring time in one shift or production day.</summary>
public readonly record struct PeriodTotals(DateTimeOffset Start, DateTimeOffset End, double AdvanceM, double BoringS)
{
    /// <summary>
    /// Boring time ÷ elapsed time of the period up to <paramref name="asOf"/> (0–1); null before the period starts.
    /// Boring time is integrated on device time, so <paramref name="asOf"/> must be device time too (the newest sample's
    /// time), never the wall clock: a back-filled or late shift would otherwise be divided by hours it has not covered.
    /// </summary>
    public double? Utilisation(DateTimeOffset asOf)
    {
        var elapsed = ((asOf < End ? asOf : End) - Start).TotalSeconds;
        return elapsed > 0 ? BoringS / elapsed : null;
    }
}
