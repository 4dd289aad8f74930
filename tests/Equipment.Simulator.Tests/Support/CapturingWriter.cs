using Equipment.Simulator.Sending;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Tests.Support;

public sealed class CapturingWriter : IPointWriter
{
    public List<string> Lines { get; } = [];

    public Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken)
    {
        lock (Lines)
        {
            Lines.AddRange(points.Select(p => p.ToLineProtocol()));
        }

        return Task.CompletedTask;
    }
}
