using Equipment.Simulator.Core;
using Equipment.Simulator.Trucks;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// A truck whose telemetry leaves through a GB/T 32960 T-Box instead of the HTTP line-protocol path: the same
/// physics, turned into snapshots, reporting decisions and frames for its <see cref="TboxClient"/>.
/// </summary>
public sealed class TboxSource : ITelemetrySource
{
    private readonly TruckSimulator _truck;
    private readonly SnapshotBuilder _builder;
    private readonly TboxDevice _device;

    public TboxSource(TruckSimulator truck, SnapshotBuilder builder, TboxDevice device, TboxClient client)
    {
        _truck = truck;
        _builder = builder;
        _device = device;
        Client = client;
        truck.SampleSink = OnSample;
    }

    public string Id => _truck.Id;

    public bool IsFinished => false;

    public TruckSimulator Truck => _truck;

    public TboxClient Client { get; }

    public void AdvanceTo(DateTime simulatedTimeUtc, List<PointData> sink) => _truck.AdvanceTo(simulatedTimeUtc, sink);

    private void OnSample(TruckSample sample)
    {
        foreach (var message in _device.OnSample(_builder.Build(sample)))
        {
            Client.Enqueue(message);
        }
    }
}
