namespace Equipment.Domain.Alerts;

/// <summary>A lifecycle transition for the grain to persist and publish; <see cref="Alert"/> is the state after it.</summary>
public sealed record AlertEvent(AlertTransition Transition, Alert Alert, DateTimeOffset At);
