using Equipment.Simulator.Sending;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Tests.Support;

/// <summary>A gateway that is down: every request fails like a refused connection.</summary>
public sealed class FailingWriter : IPointWriter
{
    public Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) =>
        Task.FromException(new HttpRequestException("Connection refused"));
}
