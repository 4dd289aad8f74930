using System.Diagnostics.Metrics;
using Equipment.Contracts.Metrics;

namespace Equipment.Dashboard.Metrics;

/// <summary>The dashboard's instruments (meter <c>Equipment.Dashboard</c>), exported at <c>/metrics</c>.</summary>
public sealed class DashboardMetrics : IDisposable
{
    public const string MeterName = "Equipment.Dashboard";

    private readonly Meter _meter;

    public DashboardMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        HubConnections = _meter.CreateUpDownCounter<long>("equipment.dashboard.hub.connections", "{connection}", "Open SignalR connections to /hubs/equipment");
        RestRequests = _meter.CreateCounter<long>("equipment.dashboard.rest.requests", "{request}", "REST requests under /api, by status code");
        RestDuration = _meter.CreateHistogram<double>("equipment.dashboard.rest.duration", "s", "REST request time under /api");
        Totals = new MetricTotals(_meter);
    }

    public UpDownCounter<long> HubConnections { get; }

    public Counter<long> RestRequests { get; }

    public Histogram<double> RestDuration { get; }

    public MetricTotals Totals { get; }

    public void Dispose()
    {
        Totals.Dispose();
        _meter.Dispose();
    }
}
