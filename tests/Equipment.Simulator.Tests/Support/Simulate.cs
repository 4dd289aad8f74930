using Equipment.Simulator.Core;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Tests.Support;

public static class Simulate
{
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static List<PointData> Run(ITelemetrySource source, TimeSpan span, DateTime? start = null)
    {
        var sink = new List<PointData>();
        source.AdvanceTo((start ?? Epoch) + span, sink);
        return sink;
    }

    public static List<LineProtocolPoint> Parse(IEnumerable<PointData> points) =>
        points.Select(p => LineProtocolPoint.Parse(p.ToLineProtocol())).ToList();
}
