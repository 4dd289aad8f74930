namespace Equipment.Contracts.Messages;

/// <summary>
/// A filtered, paged read of the directory. <c>Group</c> is a site (with kind tbm) or fleet (with kind truck);
/// <c>State</c> is <c>ok</c>, <c>alerting</c> (open alerts) or <c>offline</c> (silent longer than
/// <c>StaleAfter</c>); <c>Search</c> matches id or name, case-insensitively; <c>After</c> is the last id of the
/// previous page; <c>Scope</c> the user's scope items (null: everything).
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.EquipmentQuery")]
public sealed record EquipmentQuery(
    string? Kind,
    string? Group,
    string? State,
    string? Search,
    string? After,
    int Limit,
    string[]? Scope,
    DateTimeOffset Now,
    TimeSpan StaleAfter)
{
    /// <summary>A machine silent for this long is shown as offline (the REST API's <c>stale</c>).</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromSeconds(120);
}
