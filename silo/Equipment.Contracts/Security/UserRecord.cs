namespace Equipment.Contracts.Security;

/// <summary>
/// A dashboard user as the registry keeps it: roles, an optional scope (<c>site:X</c>, <c>fleet:Y</c>,
/// <c>equipment:ID</c>, comma-separated) and the SHA-256 of the user's key (hex), never the key itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.UserRecord")]
public sealed record UserRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Roles,
    [property: Id(3)] string? Scope,
    [property: Id(4)] string KeyHash,
    [property: Id(5)] DateTimeOffset Created);
