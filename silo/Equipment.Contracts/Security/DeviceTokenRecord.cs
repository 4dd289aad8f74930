namespace Equipment.Contracts.Security;

/// <summary>
/// A managed device token as the registry keeps it: only the SHA-256 of the token (hex), never the token itself,
/// so a leak of grain storage yields nothing a device could write with.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.DeviceTokenRecord")]
public sealed record DeviceTokenRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Scope,
    [property: Id(3)] string Hash,
    [property: Id(4)] DateTimeOffset Created);
