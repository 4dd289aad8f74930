using Microsoft.AspNetCore.SignalR;

namespace Equipment.Dashboard.Metrics;

/// <summary>Counts hub connections as they open and close, without the hub knowing.</summary>
public sealed class HubConnectionCounter(DashboardMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.HubConnections.Add(1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.HubConnections.Add(-1);
        await next(context, exception);
    }
}
