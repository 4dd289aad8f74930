using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Gbt32960;

/// <summary>Kestrel's entry for each T-Box (or lower-platform) TCP connection on <see cref="Gbt32960Options.Port"/>.</summary>
public sealed class Gbt32960ConnectionHandler(
    IOptions<Gbt32960Options> options,
    Gbt32960Statistics statistics,
    SessionTable sessions,
    VinDirectory vins,
    IngestParser parser,
    SpoolBatcher spool,
    TimeProvider time,
    ILogger<Gbt32960ConnectionHandler> logger) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var o = options.Value;
        if (!sessions.TryOpen(o.MaxConnections))
        {
            statistics.Refuse();
            logger.LogWarning("GB/T 32960 connection from {Remote} refused: {Max} connections open", connection.RemoteEndPoint, o.MaxConnections);
            connection.Abort();
            return;
        }

        statistics.Connected();
        var session = new TboxSession(connection, o, statistics, sessions, vins, parser, spool, time, logger);
        try
        {
            await session.RunAsync();
        }
        catch (Exception e) when (e is ConnectionResetException or ConnectionAbortedException or OperationCanceledException or IOException)
        {
            logger.LogDebug("GB/T 32960 connection {Id} ended: {Message}", connection.ConnectionId, e.Message);
        }
        finally
        {
            session.ReleaseAll();
            sessions.Close();
            statistics.Disconnected();
        }
    }
}
