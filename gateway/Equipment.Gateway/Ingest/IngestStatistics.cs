using Equipment.Gateway.Metrics;

namespace Equipment.Gateway.Ingest;

/// <summary>What the ingest API counts, recorded on the gateway's instruments and read back from them for <c>/stats</c>.</summary>
public sealed class IngestStatistics(GatewayMetrics metrics)
{
    public long Points => metrics.Totals.Sum(GatewayMetrics.PointsName);

    public long Requests => metrics.Totals.Sum(GatewayMetrics.RequestsName);

    public long Refused => metrics.Totals.Sum(GatewayMetrics.RefusedName);

    public long Throttled => metrics.Totals.Sum(GatewayMetrics.ThrottledName);

    public long Unavailable => metrics.Totals.Sum(GatewayMetrics.UnavailableName);

    internal void Accepted(int points)
    {
        metrics.Points.Add(points);
        metrics.Requests.Add(1);
    }

    internal void CountRefused() => metrics.Refused.Add(1);

    internal void CountThrottled() => metrics.Throttled.Add(1);

    internal void CountUnavailable() => metrics.Unavailable.Add(1);
}
