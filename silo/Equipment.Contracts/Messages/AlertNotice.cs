using Equipment.Domain.Alerts;

namespace Equipment.Contracts.Messages;

/// <summary>One alert transition on its way to the alert book and the dashboards, with the scope it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("equipment.AlertNotice")]
public sealed record AlertNotice(AlertTransition Transition, Alert Alert, string Kind, string? Group);
