using System.Text.Json.Serialization;

namespace Equipment.Domain.Alerts;

/// <summary>
/// An operator's shelf: a rule of one machine (<see cref="AlertId"/> null) or one alert occurrence kept from
/// notifying until <see cref="Until"/>, with who, when and why for the audit. An alert under a shelf stays open and
/// visible (it carries the shelf) but is not announced and not counted as alerting. A shelf ends by itself at
/// <see cref="Until"/>, when an operator unshelves it early, or (alert shelves) when its alert clears.
/// </summary>
public sealed record AlertShelf
{
    public required string EquipmentId { get; init; }
    public required string RuleId { get; init; }

    /// <summary>The one occurrence shelved; null shelves the rule, so later raises of it are shelved too.</summary>
    public string? AlertId { get; init; }

    public required string By { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset At { get; init; }
    public DateTimeOffset Until { get; init; }

    /// <summary>When the shelf ended (null while it holds): at <see cref="Until"/>, on unshelve, or when its alert cleared.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Who ended it early, or <c>expired</c>, <c>cleared</c> (its alert cleared) or <c>replaced</c> (shelved again).</summary>
    public string? EndedBy { get; init; }

    /// <summary><c>rule</c> or <c>alert</c>.</summary>
    [JsonPropertyName("scope")]
    public string Scope => AlertId is null ? "rule" : "alert";
}
