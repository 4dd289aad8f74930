using System.ComponentModel.DataAnnotations;
using Equipment.Domain.Alerts;

namespace Equipment.Dashboard.Api;

/// <summary>Bounds of a shelve request (section <c>AlertShelving</c>): 1 minute to 7 days and a reason of up to 500 characters by default.</summary>
public sealed class AlertShelvingOptions : IValidatableObject
{
    public const string Section = "AlertShelving";

    /// <summary>Shortest shelf, minutes (may be a fraction: tests shelve for seconds).</summary>
    [Range(0.01, 525600)]
    public double MinMinutes { get; set; } = 1;

    /// <summary>Longest shelf, minutes: a shelf must end by itself, so a forgotten one cannot hide a machine for good.</summary>
    [Range(0.01, 525600)]
    public double MaxMinutes { get; set; } = 7 * 24 * 60;

    [Range(1, 4000)]
    public int MaxReasonLength { get; set; } = 500;

    public ShelvingLimits Limits => new() { MinMinutes = MinMinutes, MaxMinutes = MaxMinutes, MaxReasonLength = MaxReasonLength };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinMinutes > MaxMinutes)
        {
            yield return new ValidationResult($"AlertShelving:MinMinutes ({MinMinutes}) must be <= MaxMinutes ({MaxMinutes}).", [nameof(MinMinutes)]);
        }
    }
}
