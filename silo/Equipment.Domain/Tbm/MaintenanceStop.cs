namespace Equipment.Domain.Tbm;

/// <summary>
/// The next planned maintenance stop, where cutters are changed: at a chainage, on a date, or both (the cutter plan
/// then takes whichever the machine reaches first at its trailing pace).
/// </summary>
public sealed class MaintenanceStop
{
    /// <summary>Chainage of the stop, m.</summary>
    public double? ChainageM { get; set; }

    /// <summary>Date and time of the stop (ISO 8601 with offset).</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>Every problem found, naming the field (<c>nextMaintenanceStop.chainageM</c> …); empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ChainageM is null && At is null)
            errors.Add("nextMaintenanceStop needs chainageM or at (or both); leave nextMaintenanceStop out when no stop is planned.");
        if (ChainageM is { } c && !(double.IsFinite(c) && Math.Abs(c) <= 1_000_000))
            errors.Add($"nextMaintenanceStop.chainageM must be a finite chainage within ±1,000 km (was {c}).");
        if (At is { } at && (at.Year < 2000 || at.Year > 2100))
            errors.Add($"nextMaintenanceStop.at must be a date between 2000 and 2100 (was {at:O}).");
        return errors;
    }
}
