using Equipment.Gateway.Metrics;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// Counters of the T-Box listener since start, in the <c>gbt32960</c> section of <c>/stats</c>; open connections
/// also feed the gateway's <c>equipment.gateway.gbt.connections</c> instrument at <c>/metrics</c>.
/// </summary>
public sealed class Gbt32960Statistics(GatewayMetrics metrics)
{
    private long _connections;
    private long _open;
    private long _logins;
    private long _refused;
    private long _replaced;
    private long _realtime;
    private long _resent;
    private long _badFrames;
    private long _undecryptable;
    private long _bytes;
    private long _points;

    public long Connections => Interlocked.Read(ref _connections);

    public long Open => Interlocked.Read(ref _open);

    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>Logins refused (unknown VIN, bad platform credentials) and connections over the limit.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Connections closed because the same VIN connected again.</summary>
    public long Replaced => Interlocked.Read(ref _replaced);

    public long FramesRealtime => Interlocked.Read(ref _realtime);

    public long FramesResent => Interlocked.Read(ref _resent);

    /// <summary>Frames failing their BCC, decoding or validation, and data sent without a login; none of them stored.</summary>
    public long BadFrames => Interlocked.Read(ref _badFrames);

    public long Undecryptable => Interlocked.Read(ref _undecryptable);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Points => Interlocked.Read(ref _points);

    internal void Connected()
    {
        Interlocked.Increment(ref _connections);
        Interlocked.Increment(ref _open);
        metrics.GbtConnections.Add(1);
    }

    internal void Disconnected()
    {
        Interlocked.Decrement(ref _open);
        metrics.GbtConnections.Add(-1);
    }

    internal void Login() => Interlocked.Increment(ref _logins);

    internal void Refuse() => Interlocked.Increment(ref _refused);

    internal void Replace() => Interlocked.Increment(ref _replaced);

    internal void Stored(bool resent, int points)
    {
        if (resent)
        {
            Interlocked.Increment(ref _resent);
        }
        else
        {
            Interlocked.Increment(ref _realtime);
        }

        Interlocked.Add(ref _points, points);
    }

    internal void BadFrame() => Interlocked.Increment(ref _badFrames);

    internal void Undecrypted() => Interlocked.Increment(ref _undecryptable);

    internal void Received(long bytes) => Interlocked.Add(ref _bytes, bytes);
}
