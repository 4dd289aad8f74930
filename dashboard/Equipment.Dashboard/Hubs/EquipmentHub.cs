using Microsoft.AspNetCore.SignalR;

namespace Equipment.Dashboard.Hubs;

/// <summary>
/// The live push of the contract (<c>/hubs/equipment</c>): a client joins scopes with <see cref="Watch"/> and then
/// receives <c>alert</c> and <c>snapshot</c> messages for the machines in them. The server only pushes; state is
/// read over REST, so a reconnecting browser just reloads and watches again.
/// </summary>
public sealed class EquipmentHub : Hub
{
    public const string Path = "/hubs/equipment";

    public Task Watch(string scope) =>
        WatchScope.IsValid(scope)
            ? Groups.AddToGroupAsync(Context.ConnectionId, scope)
            : throw new HubException($"unknown scope '{scope}': use all, site:NAME, fleet:NAME or equipment:ID");

    public Task Unwatch(string scope) =>
        WatchScope.IsValid(scope)
            ? Groups.RemoveFromGroupAsync(Context.ConnectionId, scope)
            : throw new HubException($"unknown scope '{scope}': use all, site:NAME, fleet:NAME or equipment:ID");
}
