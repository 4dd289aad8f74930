namespace Equipment.Domain.Alerts;

/// <summary>The bounds a shelve request is checked against; each error names the request field it is about.</summary>
public sealed record ShelvingLimits
{
    public double MinMinutes { get; init; } = 1;
    public double MaxMinutes { get; init; } = 7 * 24 * 60;
    public int MaxReasonLength { get; init; } = 500;

    /// <summary>Field name → what is wrong; empty when the request may be applied.</summary>
    public IReadOnlyDictionary<string, string> Validate(double? minutes, string? reason)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (minutes is not { } m || !double.IsFinite(m))
            errors["minutes"] = "minutes is required (how long the shelf holds).";
        else if (m < MinMinutes || m > MaxMinutes)
            errors["minutes"] = FormattableString.Invariant($"minutes must be between {MinMinutes} and {MaxMinutes} (got {m}).");

        if (string.IsNullOrWhiteSpace(reason))
            errors["reason"] = "reason is required (why the alert is shelved).";
        else if (reason.Trim().Length > MaxReasonLength)
            errors["reason"] = FormattableString.Invariant($"reason must be at most {MaxReasonLength} characters (got {reason.Trim().Length}).");
        return errors;
    }
}
