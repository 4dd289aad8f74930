namespace Equipment.Dashboard.Api;

/// <summary>
/// Body of a shelve request: how long (minutes from now) and why; <c>By</c> is honoured for an admin only, as for
/// acknowledgements (the record must say who really shelved).
/// </summary>
public sealed record ShelveRequest(double? Minutes, string? Reason, string? By = null);
