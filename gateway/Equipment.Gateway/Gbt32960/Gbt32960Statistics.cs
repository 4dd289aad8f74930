using Equipment.Gateway.Metrics;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// What the T-Box listener counts, as the gateway's <c>equipment.gateway.gbt.*</c> instruments (exported at
/// <c>/metrics</c>); the <c>gbt32960</c> section of <c>/stats</c> reads the same measurements back.
/// </summary>
public sealed class Gbt32960Statistics(GatewayMetrics metrics)
{
    private readonly GbtInstruments _gbt = metrics.Gbt;

    public long Connections => metrics.Totals.Sum(GbtInstruments.ConnectionsAcceptedName);

    public long Open => metrics.Totals.Sum(GbtInstruments.ConnectionsName);

    public long Logins => metrics.Totals.Sum(GbtInstruments.LoginsName);

    /// <summary>Logins refused (unknown VIN, bad platform credentials) and connections over the limit.</summary>
    public long Refused => metrics.Totals.Sum(GbtInstruments.RefusedName);

    /// <summary>Connections closed because the same VIN connected again.</summary>
    public long Replaced => metrics.Totals.Sum(GbtInstruments.ReplacedName);

    public long FramesRealtime => metrics.Totals.Sum(GbtInstruments.FramesRealtimeName);

    public long FramesResent => metrics.Totals.Sum(GbtInstruments.FramesResentName);

    /// <summary>Frames failing their BCC, decoding or validation, and data sent without a login; none of them stored.</summary>
    public long BadFrames => metrics.Totals.Sum(GbtInstruments.BadFramesName);

    public long Undecryptable => metrics.Totals.Sum(GbtInstruments.UndecryptableName);

    public long Bytes => metrics.Totals.Sum(GbtInstruments.BytesName);

    public long Points => metrics.Totals.Sum(GbtInstruments.PointsName);

    internal void Connected()
    {
        _gbt.ConnectionsAccepted.Add(1);
        _gbt.Connections.Add(1);
    }

    internal void Disconnected() => _gbt.Connections.Add(-1);

    internal void Login() => _gbt.Logins.Add(1);

    internal void Refuse() => _gbt.Refused.Add(1);

    internal void Replace() => _gbt.Replaced.Add(1);

    internal void Stored(bool resent, int points)
    {
        (resent ? _gbt.FramesResent : _gbt.FramesRealtime).Add(1);
        _gbt.Points.Add(points);
    }

    internal void BadFrame() => _gbt.BadFrames.Add(1);

    internal void Undecrypted() => _gbt.Undecryptable.Add(1);

    internal void Received(long bytes) => _gbt.Bytes.Add(bytes);
}
