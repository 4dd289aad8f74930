using InfluxDB.Client;
using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Sending;

/// <summary>
/// Writes through the InfluxDB v2 client (POST /api/v2/write, Authorization: Token …), exactly as a
/// third-party edge agent would. WriteApiAsync rather than the batching WriteApi: its errors surface
/// to the caller, so retries, Retry-After and statistics stay under our control.
/// </summary>
public sealed class InfluxPointWriter : IPointWriter, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _writeApi;
    private readonly string _org;
    private readonly string _bucket;

    public InfluxPointWriter(string url, string token, string org, string bucket)
    {
        _org = org;
        _bucket = bucket;
        _client = new InfluxDBClient(new InfluxDBClientOptions(url)
        {
            Token = token,
            Org = org,
            Bucket = bucket,
            Timeout = TimeSpan.FromSeconds(30),
        });
        _writeApi = _client.GetWriteApiAsync();
    }

    public Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) =>
        _writeApi.WritePointsAsync(points as List<PointData> ?? [.. points], _bucket, _org, cancellationToken);

    public void Dispose() => _client.Dispose();
}
