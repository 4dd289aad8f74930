using System.Net.Sockets;
using Equipment.Simulator.Gbt32960;

namespace Equipment.Benchmarks;

/// <summary>One benchmark T-Box: a logged-in TCP connection whose replies are drained in the background.</summary>
public sealed class TboxConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly Task _drain;

    private TboxConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _drain = Task.Run(DrainAsync);
    }

    public string Vin { get; private init; } = "";

    public static async Task<TboxConnection> OpenAsync(int port, GbtEdition edition, string vin, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true, ReceiveBufferSize = 4096, SendBufferSize = 16384 };
        try
        {
            await tcp.ConnectAsync("127.0.0.1", port, ct);
            var stream = tcp.GetStream();
            var login = GbtEncoder.Login(edition, DateTime.UtcNow, 1, "89860000000000000000", ["0SMPE3BENCH0000000000000"]);
            await stream.WriteAsync(GbtFrame.Build(edition, GbtCommand.Login, GbtCommand.IsCommand, vin, login), ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var reply = await new GbtFrameReader(stream).ReadAsync(timeout.Token);
            if (reply is not { Command: GbtCommand.Login, Ack: GbtCommand.AckSuccess })
            {
                throw new InvalidOperationException($"{vin}: login answered with {(reply is null ? "a closed connection" : $"0x{reply.Command:X2} ack 0x{reply.Ack:X2}")}");
            }

            return new TboxConnection(tcp) { Vin = vin };
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public ValueTask SendAsync(byte[] frame, CancellationToken ct) => _stream.WriteAsync(frame, ct);

    /// <summary>Writes the frames back to back, 256 KB at a time, as fast as the socket takes them.</summary>
    public async Task StreamAsync(ReadOnlyMemory<byte[]> frames, CancellationToken ct)
    {
        var buffer = new byte[256 * 1024];
        var used = 0;
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames.Span[i];
            if (used + frame.Length > buffer.Length)
            {
                await _stream.WriteAsync(buffer.AsMemory(0, used), ct);
                used = 0;
            }

            frame.CopyTo(buffer, used);
            used += frame.Length;
        }

        if (used > 0)
        {
            await _stream.WriteAsync(buffer.AsMemory(0, used), ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        try
        {
            await _drain;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task DrainAsync()
    {
        var sink = new byte[512];
        while (await _stream.ReadAsync(sink) > 0)
        {
        }
    }
}
