using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Sending;

/// <summary>One write request; throws on any failure so the caller can decide about retrying.</summary>
public interface IPointWriter
{
    Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken);
}
