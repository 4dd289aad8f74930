namespace Equipment.Dashboard.Api;

/// <summary>Body of a shelve request: how long (minutes from now) and why.</summary>
public sealed record ShelveRequest(double? Minutes, string? Reason);
