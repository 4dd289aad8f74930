using Equipment.Dashboard.Api;
using Equipment.Dashboard.Security;
using Microsoft.AspNetCore.SignalR;

namespace Equipment.Dashboard.Hubs;

/// <summary>
/// The live push of the contract (<c>/hubs/equipment</c>): a client joins scopes with <see cref="Watch"/> and then
/// receives <c>alert</c> and <c>snapshot</c> messages for the machines in them. The server only pushes; state is
/// read over REST, so a reconnecting browser just reloads and watches again.
/// A user with a scope only ever joins groups inside it (see <see cref="GroupsFor"/>), so nothing outside it is sent.
/// </summary>
public sealed class EquipmentHub(IGrainFactory grains) : Hub
{
    public const string Path = "/hubs/equipment";

    public async Task Watch(string scope)
    {
        foreach (var group in await GroupsFor(scope))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }
    }

    public async Task Unwatch(string scope)
    {
        foreach (var group in await GroupsFor(scope))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        }
    }

    /// <summary>
    /// The groups a watch joins. Unscoped users join the group named by the scope. A scoped user's <c>all</c> is
    /// the elements of their scope; a site, fleet or machine must be one of them, or a machine currently in one
    /// of their sites or fleets, watched through a group qualified by that site or fleet so it stops when the
    /// machine moves elsewhere.
    /// </summary>
    private async Task<IReadOnlyList<string>> GroupsFor(string scope)
    {
        if (!WatchScope.IsValid(scope))
        {
            throw new HubException($"unknown scope '{scope}': use all, site:NAME, fleet:NAME or equipment:ID");
        }

        if (UserScope.Of(Context.User) is not { } allowed)
        {
            return [scope];
        }

        if (scope == WatchScope.All)
        {
            return allowed.Items;
        }

        if (allowed.Contains(scope))
        {
            return [scope];
        }

        if (scope.StartsWith("equipment:", StringComparison.Ordinal)
            && await EquipmentEndpoints.FindAsync(grains, scope["equipment:".Length..]) is { } grain
            && await grain.GetSnapshot() is var snapshot
            && allowed.Allows(snapshot.Id, snapshot.Kind, snapshot.Group))
        {
            return [WatchScope.Qualified(snapshot.Id, snapshot.Kind, snapshot.Group!)];
        }

        throw new HubException($"scope '{scope}' is outside your access");
    }
}
